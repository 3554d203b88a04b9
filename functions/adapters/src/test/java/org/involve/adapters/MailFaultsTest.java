package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.adapters.internal.ScriptedHttp;
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
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Fault tests on the emulators: the real outbox table, the real SES emulator and the real SES adapter, with an HTTP
 * client under the SES calls answering as SES does when it is paused or rejects a message, or losing SES's answer, and the clock moved on as the five-minute sweep would find each message due.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class MailFaultsTest {
    private static final Duration WINDOW = Duration.ofHours(72);
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final MovableClock clock = new MovableClock(Samples.NOW);
    private Supplier<ScriptedHttp.Step> before;
    private Supplier<IOException> after;
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
        URI ses = aws.ses().endpoint();
        var faulty =
                new TestClients(LocalAws.REGION, LocalAws.credentials())
                        .ses(ses, new Faults(TestClients.http()));
        this.delivery =
                new MailDelivery(
                        outbox, new SesMailSender(faulty, AwsEnvironment.MAIL_FROM), clock, WINDOW);
    }

    /** Answers with {@code before} instead of sending, or loses SES's answer ({@code after}) once it took the message. */
    private final class Faults implements SdkHttpClient {
        private final SdkHttpClient real;

        Faults(SdkHttpClient real) {
            this.real = real;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    if (before != null) return before.get().take(request, real);
                    if (after != null)
                        return ScriptedHttp.sentThenLost(after.get()).take(request, real);
                    return real.prepareRequest(request).call();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public String clientName() {
            return "Faults";
        }

        @Override
        public void close() {}
    }

    /** SES v2's answer while sending is paused. */
    private static ScriptedHttp.Step paused() {
        return ScriptedHttp.answer(
                400,
                Map.of("x-amzn-ErrorType", "SendingPausedException"),
                "{\"message\":\"Sending is paused for this account.\"}");
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
        after = () -> new SocketTimeoutException("Read timed out");

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
                        ScriptedHttp.answer(
                                400,
                                Map.of("x-amzn-ErrorType", "MessageRejected"),
                                "{\"message\":\"Email address is not verified: "
                                        + m.email().to()
                                        + "\"}");

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
