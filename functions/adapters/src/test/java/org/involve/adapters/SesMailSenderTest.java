package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.involve.adapters.internal.ScriptedHttp;
import org.involve.adapters.internal.SignedHttp;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailSender;
import org.involve.core.outbox.MailSender.MailNotSent;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

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
        SignedHttp unreachable =
                new TestClients(LocalAws.REGION, LocalAws.credentials()).ses(closedPort);
        MailNotSent e =
                assertThrows(
                        MailNotSent.class,
                        () -> new SesMailSender(unreachable, FROM).send(Samples.email(to)));
        assertTrue(e.retryable());
        assertFalse(e.getMessage().contains(to));
    }

    /** Account, configuration and throttling errors, and outages, may pass: retried (within the retry window). */
    @Test
    void throttlingAccountConfigurationAndOutagesAreRetried() {
        assertEquals(
                Problem.THROTTLED, SesMailSender.problem(ses("TooManyRequestsException", 429)));
        assertEquals(Problem.THROTTLED, SesMailSender.problem(ses("LimitExceededException", 400)));
        assertEquals(
                Problem.THROTTLED,
                SesMailSender.problem(SdkServiceException.builder().statusCode(429).build()));
        assertEquals(
                Problem.SENDING_PAUSED, SesMailSender.problem(ses("SendingPausedException", 400)));
        assertEquals(
                Problem.SENDING_PAUSED,
                SesMailSender.problem(ses("AccountSuspendedException", 400)));
        assertEquals(
                Problem.NOT_SET_UP,
                SesMailSender.problem(ses("MailFromDomainNotVerifiedException", 400)));
        assertEquals(Problem.NOT_SET_UP, SesMailSender.problem(ses("NotFoundException", 404)));
        assertEquals(Problem.PROVIDER_ERROR, SesMailSender.problem(ses("InternalFailure", 503)));
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
        assertTrue(SesMailSender.retryable(ses("InternalFailure", 503)));
    }

    @Test
    void refusalsOfTheMessageAreNotRetried() {
        assertEquals(Problem.MESSAGE_REJECTED, SesMailSender.problem(ses("MessageRejected", 400)));
        assertEquals(Problem.BAD_REQUEST, SesMailSender.problem(ses("BadRequestException", 400)));
        assertEquals(MailSender.Verdict.GIVE_UP, Problem.MESSAGE_REJECTED.verdict());
        assertEquals(MailSender.Verdict.GIVE_UP, Problem.BAD_REQUEST.verdict());
        assertFalse(SesMailSender.retryable(ses("MessageRejected", 400)));
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

    /** Throttled: sent once (never retried within the call), and the outbox tries again later. */
    @Test
    void aThrottledAnswerIsSentOnceAndLeftForTheOutboxToRetry() {
        ScriptedHttp http =
                new ScriptedHttp(null)
                        .then(
                                ScriptedHttp.answer(
                                        429,
                                        Map.of("x-amzn-ErrorType", "TooManyRequestsException"),
                                        "{\"message\":\"Maximum sending rate exceeded.\"}"));
        SignedHttp throttled =
                new TestClients(LocalAws.REGION, LocalAws.credentials())
                        .ses(URI.create("http://localhost:1"), http);
        MailNotSent e =
                assertThrows(
                        MailNotSent.class,
                        () ->
                                new SesMailSender(throttled, FROM)
                                        .send(Samples.email("alex@example.org")));
        assertEquals(Problem.THROTTLED, e.problem());
        assertTrue(e.retryable());
        assertEquals(1, http.requests().size());
        assertTrue(e.getMessage().contains("TooManyRequestsException (HTTP 429"), e.getMessage());
    }

    /** The request SES v2's SendEmail takes, with the fields the SDK's client sent: both parts, UTF-8, the set. */
    @Test
    void theSendEmailRequestHoldsTheMessageAsSesExpectsIt() {
        ScriptedHttp http = ScriptedHttp.answering(200, "{\"MessageId\":\"m-1\"}");
        SignedHttp ses =
                new TestClients(LocalAws.REGION, LocalAws.credentials())
                        .ses(URI.create("http://localhost:1"), http);
        Email email = new Email("alex@example.org", "Hi \"you\"", "<p>Café</p>", "Café\n");
        String id;
        try {
            id = new SesMailSender(ses, FROM, "feedback").sendForId(email);
        } catch (MailNotSent e) {
            throw new AssertionError(e);
        }
        assertEquals("m-1", id);
        assertEquals("/v2/email/outbound-emails", http.requests().get(0).encodedPath());
        assertEquals(
                "{\"ConfigurationSetName\":\"feedback\",\"Content\":{\"Simple\":{\"Body\":{"
                        + "\"Html\":{\"Charset\":\"UTF-8\",\"Data\":\"<p>Café</p>\"},"
                        + "\"Text\":{\"Charset\":\"UTF-8\",\"Data\":\"Café\\n\"}},"
                        + "\"Subject\":{\"Charset\":\"UTF-8\",\"Data\":\"Hi \\\"you\\\"\"}}},"
                        + "\"Destination\":{\"ToAddresses\":[\"alex@example.org\"]},"
                        + "\"FromEmailAddress\":\""
                        + FROM
                        + "\"}",
                new String(http.bodies().get(0), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(
                http.requests()
                        .get(0)
                        .firstMatchingHeader("Authorization")
                        .orElseThrow()
                        .contains("/eu-west-2/ses/aws4_request"));
    }

    @Test
    void aRefusalQuotingTheRecipientIsReportedWithoutTheAddress() {
        String to = "alex@example.org";
        // SES v2's answer to a refused SendEmail: its error code in a header, the reason (quoting
        // the
        // address) in the body.
        ScriptedHttp http = new ScriptedHttp(null);
        http.then(
                ScriptedHttp.answer(
                        400,
                        Map.of("x-amzn-ErrorType", "MessageRejected:http://internal.amazon.com/"),
                        "{\"message\":\"Email address is not verified. The following identities failed the check: "
                                + to
                                + "\"}"));
        SignedHttp refusing =
                new TestClients(LocalAws.REGION, LocalAws.credentials())
                        .ses(URI.create("http://localhost:1"), http);
        MailNotSent e =
                assertThrows(
                        MailNotSent.class,
                        () -> new SesMailSender(refusing, FROM).send(Samples.email(to)));
        assertFalse(e.retryable());
        assertEquals(Problem.MESSAGE_REJECTED, e.problem());
        assertFalse(e.getMessage().contains(to));
    }

    /** An SES error answer as {@link SignedHttp} makes it: the SDK's exception with SES's error code. */
    private static AwsServiceException ses(String code, int status) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode(code).serviceName("ses").build())
                .build();
    }
}
