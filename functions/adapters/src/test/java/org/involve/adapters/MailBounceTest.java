package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailDelivery;
import org.involve.core.outbox.MailFeedback;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.core.outbox.MailState;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.UndeliverableAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A bounce, end to end on the emulators: an e-mail goes through the SES emulator with the configuration set, SES's
 * bounce notice arrives on the template's mail feedback queue (ElasticMQ), is read and stored on DynamoDB Local, and
 * the next e-mail to that address is not sent but waits on the problems list until staff pass it on another way.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class MailBounceTest {
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoUndeliverableAddresses undeliverable;
    private final MailDelivery delivery;

    MailBounceTest(AwsEnvironment aws) {
        this.aws = aws;
        DynamoAuditTrail audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.outbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        id -> {},
                        w -> {},
                        () -> audit);
        this.undeliverable =
                new DynamoUndeliverableAddresses(
                        aws.dynamo(), aws.table("UndeliverableAddressesTable"), () -> audit);
        this.delivery =
                new MailDelivery(
                        outbox,
                        new SesMailSender(
                                aws.ses(), AwsEnvironment.MAIL_FROM, "MailConfigurationSet"),
                        java.time.Clock.systemUTC(),
                        Duration.ofHours(72),
                        id -> {},
                        undeliverable);
    }

    private OutboxMessage queued(String to, String subject) {
        OutboxMessage m =
                new OutboxMessage(
                        Samples.unique("mail"),
                        new Email(to, subject, "<p>Hello</p>", "Hello\n"),
                        Instant.now(),
                        Instant.now(),
                        0,
                        "test");
        aws.dynamo().transactWriteItems(r -> r.transactItems(outbox.putNew(m)));
        return m;
    }

    private static String bounceNotice(String address) {
        return """
                {"eventType":"Bounce",
                 "bounce":{"bounceType":"Permanent","bounceSubType":"General",
                           "bouncedRecipients":[{"emailAddress":"%s","action":"failed","status":"5.1.1",
                                                 "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],
                           "timestamp":"2026-03-29T00:30:00.000Z","feedbackId":"feedback-1"},
                 "mail":{"timestamp":"2026-03-29T00:29:58.000Z","messageId":"ses-1",
                         "destination":["%s"]}}
                """
                .formatted(address, address);
    }

    @Test
    void aBouncedAddressGetsNoMoreEmailAndItsNextEmailWaitsForStaff() {
        String to = Samples.unique("bounce") + "@example.org";
        OutboxMessage first = queued(to, "We have received your application");
        assertEquals(MailDelivery.Outcome.SENT, delivery.deliver(first.id()));

        // SES -> SNS (raw delivery) -> the feedback queue, as the template wires it.
        String queue = aws.queueUrl("MailFeedbackQueue");
        aws.sqs().sendMessage(r -> r.queueUrl(queue).messageBody(bounceNotice(to.toUpperCase())));
        List<Message> received =
                aws.sqs()
                        .receiveMessage(
                                r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(2))
                        .messages();
        MailFeedback feedback = new MailFeedback(undeliverable);
        int marked = 0;
        for (Message m : received) {
            marked += feedback.record(SesFeedbackNotices.parse(m.body(), Instant.now()));
            aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
        assertEquals(1, marked);
        var stored = undeliverable.find(to).orElseThrow();
        assertEquals(UndeliverableAddress.Reason.BOUNCED, stored.reason());
        assertEquals(Instant.parse("2026-03-29T00:30:00Z"), stored.since());
        assertEquals("General", stored.detail());
        assertFalse(
                aws.dynamo()
                        .scan(r -> r.tableName(aws.table("UndeliverableAddressesTable")))
                        .items()
                        .toString()
                        .contains(to.substring(0, to.indexOf('@'))),
                "the list keeps a key of the address, never the address");

        OutboxMessage next = queued(to, "Your interview");
        int sentBefore = aws.sentEmails().size();
        assertEquals(MailDelivery.Outcome.UNDELIVERABLE, delivery.deliver(next.id()));
        assertEquals(sentBefore, aws.sentEmails().size(), "nothing went to SES");
        var listed = outbox.troubled(50).stream().filter(t -> t.id().equals(next.id())).findFirst();
        assertTrue(listed.isPresent(), "on the e-mail problems page");
        assertEquals(MailState.FAILED, listed.get().state());
        assertEquals(Problem.ADDRESS_UNDELIVERABLE, listed.get().problem());

        AuditEntry told =
                AuditEntry.byJob(
                        "test",
                        "told by telephone",
                        "mail:" + next.id(),
                        Instant.now(),
                        "FAILED",
                        "SENT");
        assertTrue(outbox.confirmSent(next.id(), Instant.now(), told));
        assertEquals(MailState.SENT, outbox.tracked(next.id()).orElseThrow().state());
        assertFalse(outbox.confirmSent(next.id(), Instant.now(), told), "once");
    }

    @Test
    void aRepeatedNoticeChangesNothingAndAnOrdinaryFailureCannotBeMarkedToldAnotherWay() {
        String to = Samples.unique("complaint") + "@example.org";
        MailFeedback feedback = new MailFeedback(undeliverable);
        var notice =
                new MailFeedback.Notice(
                        MailFeedback.Kind.COMPLAINT, List.of(to), Instant.now(), "abuse");
        assertEquals(1, feedback.record(notice));
        assertEquals(0, feedback.record(notice));

        OutboxMessage m = queued(Samples.unique("other") + "@example.org", "Hello");
        outbox.claim(m.id(), Instant.now(), Instant.now().plusSeconds(60));
        outbox.fail(m.id(), Problem.MESSAGE_REJECTED, "rejected", Instant.now());
        AuditEntry entry =
                AuditEntry.byJob("test", "told", "mail:" + m.id(), Instant.now(), "FAILED", "SENT");
        assertFalse(outbox.confirmSent(m.id(), Instant.now(), entry));
        assertEquals(MailState.FAILED, outbox.tracked(m.id()).orElseThrow().state());
    }

    @Test
    void noticesAreReadRawOrInsideTheirSnsEnvelopeAndAnythingElseIsRefused() {
        var raw = SesFeedbackNotices.parse(bounceNotice("a@example.org"), Instant.EPOCH);
        assertEquals(MailFeedback.Kind.PERMANENT_BOUNCE, raw.kind());
        assertEquals(List.of("a@example.org"), raw.addresses());

        String complaint =
                "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":"
                        + "[{\"emailAddress\":\"Jo Smith <jo@example.org>\"}],\"timestamp\":\"2026-10-25T01:30:00Z\"}}";
        String envelope =
                "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"Message\":"
                        + Jsonish.quote(complaint)
                        + "}";
        var wrapped = SesFeedbackNotices.parse(envelope, Instant.EPOCH);
        assertEquals(MailFeedback.Kind.COMPLAINT, wrapped.kind());
        assertEquals(List.of("jo@example.org"), wrapped.addresses());
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), wrapped.at());

        String transientBounce =
                "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bouncedRecipients\":[{\"emailAddress\":\"b@example.org\"}]}}";
        assertEquals(
                MailFeedback.Kind.TEMPORARY_BOUNCE,
                SesFeedbackNotices.parse(transientBounce, Instant.EPOCH).kind());
        assertEquals(
                MailFeedback.Kind.OTHER,
                SesFeedbackNotices.parse("{\"eventType\":\"Delivery\"}", Instant.EPOCH).kind());
        assertThrows(
                SesFeedbackNotices.NotANotice.class,
                () -> SesFeedbackNotices.parse("not json", Instant.EPOCH));
        assertThrows(
                SesFeedbackNotices.NotANotice.class,
                () -> SesFeedbackNotices.parse("{\"hello\":1}", Instant.EPOCH));
    }

    /** JSON string quoting for the test's envelope. */
    private static final class Jsonish {
        static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
