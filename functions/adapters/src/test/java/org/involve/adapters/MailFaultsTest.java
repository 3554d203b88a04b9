package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailDelivery;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.core.outbox.MailState;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.TrackedMessage;
import org.involve.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * Fault tests on the emulators: the real outbox table, the real SES emulator and the real SES adapter, with an
 * interceptor in the SES client throwing what the SDK throws when SES is paused, rejects a message, or answers too
 * late, and the clock moved on as the five-minute sweep would find each message due.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class MailFaultsTest {
    private static final Duration WINDOW = Duration.ofHours(72);
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final MovableClock clock = new MovableClock(Samples.NOW);
    private Supplier<RuntimeException> before, after;
    private final MailDelivery delivery;

    MailFaultsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        id -> {},
                        w -> {},
                        () -> new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable")));
        URI ses = aws.ses().serviceClientConfiguration().endpointOverride().orElseThrow();
        SesV2Client faulty =
                SesV2Client.builder()
                        .region(LocalAws.REGION)
                        .credentialsProvider(LocalAws.credentials())
                        .endpointOverride(ses)
                        .overrideConfiguration(
                                c ->
                                        c.retryStrategy(AwsRetryStrategy.doNotRetry())
                                                .addExecutionInterceptor(new Faults()))
                        .build();
        this.delivery =
                new MailDelivery(
                        outbox, new SesMailSender(faulty, AwsEnvironment.MAIL_FROM), clock, WINDOW);
    }

    /** Throws {@code before} instead of sending, or {@code after} once SES has taken the message. */
    private final class Faults implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
            if (before != null) throw before.get();
        }

        @Override
        public void afterTransmission(Context.AfterTransmission c, ExecutionAttributes a) {
            if (after != null) throw after.get();
        }
    }

    private static SendingPausedException paused() {
        return (SendingPausedException)
                SendingPausedException.builder()
                        .statusCode(400)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("SendingPausedException")
                                        .errorMessage("Sending is paused for this account.")
                                        .build())
                        .build();
    }

    private OutboxMessage queued() {
        String to = Samples.unique("faults") + "@example.org";
        OutboxMessage m =
                new OutboxMessage(
                        Samples.unique("ack"),
                        new Email(to, "We have received your application", "<p>Hi</p>", "Hi\n"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "acknowledgement");
        aws.dynamo().transactWriteItems(r -> r.transactItems(outbox.putNew(m)));
        return m;
    }

    private List<SentEmail> sentTo(OutboxMessage m) {
        return aws.sentEmails().stream().filter(e -> e.to().contains(m.email().to())).toList();
    }

    private TrackedMessage tracked(OutboxMessage m) {
        return outbox.tracked(m.id()).orElseThrow();
    }

    /** Every five minutes for {@code d}, tries the message if it is due, as the sweep does. */
    private void sweepFor(OutboxMessage m, Duration d) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(5));
            TrackedMessage t = tracked(m);
            if (t.state() == MailState.PENDING && !t.message().dueAt().isAfter(clock.instant()))
                delivery.deliver(m.id());
        }
    }

    @Test
    void sesPausedForLongerThanTheOldWindowThenResumedSendsTheMessageOnce() {
        OutboxMessage m = queued();
        before = MailFaultsTest::paused;
        assertEquals(MailDelivery.Outcome.RETRY_LATER, delivery.deliver(m.id()));
        sweepFor(m, Duration.ofHours(26)); // the old limit gave up after about 2h20m
        TrackedMessage waiting = tracked(m);
        assertEquals(MailState.PENDING, waiting.state());
        assertEquals(Problem.SENDING_PAUSED, waiting.problem());
        assertEquals(List.of(), sentTo(m));

        before = null;
        sweepFor(m, Duration.ofHours(1));

        assertEquals(1, sentTo(m).size());
        TrackedMessage sent = tracked(m);
        assertEquals(MailState.SENT, sent.state());
        assertNotNull(sent.providerId(), "SES's message id is kept");
    }

    @Test
    void aTimeoutAfterSesTookTheMessageIsNotSentTwiceAndIsListedForChecking() {
        OutboxMessage m = queued();
        after =
                () ->
                        SdkClientException.create(
                                "Read timed out", new SocketTimeoutException("Read timed out"));

        assertEquals(MailDelivery.Outcome.NEEDS_CHECKING, delivery.deliver(m.id()));
        after = null;
        sweepFor(m, Duration.ofHours(3));
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver(m.id()));

        assertEquals(1, sentTo(m).size(), "SES has it once, and it is not sent again");
        TrackedMessage t = tracked(m);
        assertEquals(MailState.NEEDS_CHECKING, t.state());
        assertEquals(Problem.NO_ANSWER, t.problem());
        assertTrue(outbox.troubled(50).stream().anyMatch(x -> x.id().equals(m.id())));

        AuditEntry checked =
                new AuditEntry(
                        "staff-1",
                        "mail marked as sent",
                        "mail:" + m.id(),
                        clock.instant(),
                        "NEEDS_CHECKING",
                        "SENT");
        assertTrue(outbox.confirmSent(m.id(), clock.instant(), checked));
        assertEquals(1, sentTo(m).size());
    }

    @Test
    void aRejectedMessageFailsAtOnceIsListedAndCanBeSentAgain() {
        OutboxMessage m = queued();
        before =
                () ->
                        MessageRejectedException.builder()
                                .statusCode(400)
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorCode("MessageRejected")
                                                .errorMessage(
                                                        "Email address is not verified: "
                                                                + m.email().to())
                                                .build())
                                .build();

        assertEquals(MailDelivery.Outcome.GAVE_UP, delivery.deliver(m.id()));
        TrackedMessage failed = tracked(m);
        assertEquals(MailState.FAILED, failed.state());
        assertEquals(Problem.MESSAGE_REJECTED, failed.problem());
        assertTrue(outbox.troubled(50).stream().anyMatch(x -> x.id().equals(m.id())));
        sweepFor(m, Duration.ofHours(1));
        assertEquals(List.of(), sentTo(m), "never retried by itself");

        before = null;
        AuditEntry again =
                new AuditEntry(
                        "staff-1",
                        "mail sent again",
                        "mail:" + m.id(),
                        clock.instant(),
                        "FAILED",
                        "PENDING");
        assertTrue(outbox.sendAgain(m.id(), clock.instant(), again));
        assertEquals(MailDelivery.Outcome.SENT, delivery.deliver(m.id()));
        assertEquals(1, sentTo(m).size());
    }

    @Test
    void aMessageStillRefusedWhenTheWindowEndsFailsWithThatReason() {
        OutboxMessage m = queued();
        before = MailFaultsTest::paused;
        delivery.deliver(m.id());
        sweepFor(m, WINDOW.plusHours(1));
        TrackedMessage t = tracked(m);
        assertEquals(MailState.FAILED, t.state());
        assertEquals(Problem.RETRY_TIME_OVER, t.problem());
        assertEquals(List.of(), sentTo(m));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
