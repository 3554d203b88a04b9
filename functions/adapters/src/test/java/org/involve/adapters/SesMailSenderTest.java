package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailSender;
import org.involve.core.outbox.MailSender.MailNotSent;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

@ExtendWith(AwsEnvironmentExtension.class)
class SesMailSenderTest {
    private static final String FROM = AwsEnvironment.MAIL_FROM;
    private final AwsEnvironment aws;

    SesMailSenderTest(AwsEnvironment aws) {
        this.aws = aws;
    }

    @Test
    void anEmailReachesSesWithItsSubjectAndBothParts() throws MailNotSent {
        String to = Samples.unique("applicant") + "@example.org";
        Email email =
                new Email(
                        to,
                        "We have received your application: Lived experience partner",
                        "<p>Thank you, Alex – your reference is INV-7K3M-Q9P2.</p>",
                        "Thank you, Alex – your reference is INV-7K3M-Q9P2.\n");

        new SesMailSender(aws.ses(), FROM).send(email);

        List<SentEmail> delivered =
                aws.sentEmails().stream().filter(e -> e.to().contains(to)).toList();
        assertEquals(1, delivered.size());
        SentEmail sent = delivered.get(0);
        assertEquals(FROM, sent.from());
        assertEquals(email.subject(), sent.subject());
        assertEquals(email.html(), sent.html().strip());
        assertEquals(email.text().strip(), sent.text().strip());
    }

    /** SnapStart priming: the send is built, marshalled, signed and answered offline, and reaches no one. */
    @Test
    void aRehearsalSendsNothing() throws MailNotSent {
        String to = Samples.unique("rehearsal") + "@example.org";
        Email email = new Email(to, "Rehearsal", "<p>Rehearsal</p>", "Rehearsal");

        String id = new SesMailSender(aws.ses(), FROM, "").rehearse(email);

        assertEquals("priming", id, "the offline answer's message id");
        assertTrue(
                aws.sentEmails().stream().noneMatch(e -> e.to().contains(to)),
                "the rehearsal sent the e-mail");
    }

    @Test
    void anUnreachableSesIsWorthRetryingAndTheReasonDoesNotNameTheRecipient() {
        String to = "alex@example.org";
        URI closedPort = URI.create("http://localhost:" + LocalAws.freePort());
        try (SesV2Client unreachable =
                new TestClients(LocalAws.REGION, LocalAws.credentials()).ses(closedPort)) {
            MailNotSent e =
                    assertThrows(
                            MailNotSent.class,
                            () -> new SesMailSender(unreachable, FROM).send(Samples.email(to)));
            assertTrue(e.retryable());
            assertFalse(e.getMessage().contains(to));
        }
    }

    /** Account, configuration and throttling errors, and outages, may pass: retried (within the retry window). */
    @Test
    void throttlingAccountConfigurationAndOutagesAreRetried() {
        assertEquals(
                Problem.THROTTLED,
                SesMailSender.problem(TooManyRequestsException.builder().statusCode(429).build()));
        assertEquals(
                Problem.THROTTLED,
                SesMailSender.problem(LimitExceededException.builder().statusCode(400).build()));
        assertEquals(
                Problem.THROTTLED,
                SesMailSender.problem(SdkServiceException.builder().statusCode(429).build()));
        assertEquals(
                Problem.SENDING_PAUSED,
                SesMailSender.problem(SendingPausedException.builder().statusCode(400).build()));
        assertEquals(
                Problem.SENDING_PAUSED,
                SesMailSender.problem(AccountSuspendedException.builder().statusCode(400).build()));
        assertEquals(
                Problem.NOT_SET_UP,
                SesMailSender.problem(
                        MailFromDomainNotVerifiedException.builder().statusCode(400).build()));
        assertEquals(
                Problem.NOT_SET_UP,
                SesMailSender.problem(NotFoundException.builder().statusCode(404).build()));
        assertEquals(
                Problem.PROVIDER_ERROR,
                SesMailSender.problem(SesV2Exception.builder().statusCode(503).build()));
        assertEquals(
                Problem.UNREACHABLE,
                SesMailSender.problem(
                        SdkClientException.create("x", new ConnectException("refused"))));
        for (Problem p :
                List.of(
                        Problem.THROTTLED,
                        Problem.SENDING_PAUSED,
                        Problem.NOT_SET_UP,
                        Problem.PROVIDER_ERROR,
                        Problem.UNREACHABLE))
            assertEquals(MailSender.Verdict.RETRY, p.verdict(), p::name);
        assertTrue(SesMailSender.retryable(SesV2Exception.builder().statusCode(503).build()));
    }

    @Test
    void refusalsOfTheMessageAreNotRetried() {
        assertEquals(
                Problem.MESSAGE_REJECTED,
                SesMailSender.problem(MessageRejectedException.builder().statusCode(400).build()));
        assertEquals(
                Problem.BAD_REQUEST,
                SesMailSender.problem(BadRequestException.builder().statusCode(400).build()));
        assertEquals(MailSender.Verdict.GIVE_UP, Problem.MESSAGE_REJECTED.verdict());
        assertEquals(MailSender.Verdict.GIVE_UP, Problem.BAD_REQUEST.verdict());
        assertFalse(
                SesMailSender.retryable(
                        MessageRejectedException.builder().statusCode(400).build()));
    }

    /** The request may have reached SES: never sent again without a person checking. */
    @Test
    void noAnswerAfterTheRequestWentIsAmbiguous() {
        assertEquals(
                Problem.NO_ANSWER,
                SesMailSender.problem(
                        SdkClientException.create(
                                "x", new SocketTimeoutException("Read timed out"))));
        assertEquals(
                Problem.NO_ANSWER, SesMailSender.problem(ApiCallTimeoutException.create(10_000)));
        assertEquals(MailSender.Verdict.AMBIGUOUS, Problem.NO_ANSWER.verdict());
    }

    @Test
    void aRefusalQuotingTheRecipientIsReportedWithoutTheAddress() {
        String to = "alex@example.org";
        SesV2Client refusing =
                SesV2Client.builder()
                        .region(LocalAws.REGION)
                        .credentialsProvider(LocalAws.credentials())
                        .endpointOverride(URI.create("http://localhost:1"))
                        .overrideConfiguration(
                                c ->
                                        c.addExecutionInterceptor(
                                                new software.amazon.awssdk.core.interceptor
                                                        .ExecutionInterceptor() {
                                                    @Override
                                                    public void beforeExecution(
                                                            software.amazon.awssdk.core.interceptor
                                                                            .Context.BeforeExecution
                                                                    context,
                                                            software.amazon.awssdk.core.interceptor
                                                                            .ExecutionAttributes
                                                                    attributes) {
                                                        throw MessageRejectedException.builder()
                                                                .statusCode(400)
                                                                .message(
                                                                        "Email address is not verified. The following identities failed the check: "
                                                                                + to)
                                                                .build();
                                                    }
                                                }))
                        .build();
        try (refusing) {
            MailNotSent e =
                    assertThrows(
                            MailNotSent.class,
                            () -> new SesMailSender(refusing, FROM).send(Samples.email(to)));
            assertFalse(e.retryable());
            assertFalse(e.getMessage().contains(to));
        }
    }
}
