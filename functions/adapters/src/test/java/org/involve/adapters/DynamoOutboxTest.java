package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.core.outbox.MailState;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.TrackedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoOutboxTest {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final Announcements announced = new Announcements();
    private final List<String> warnings = new ArrayList<>();
    private final Instant now = Samples.NOW;

    DynamoOutboxTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        announced,
                        warnings::add);
    }

    /** A step's mail is announced by the write that stores it: no handler is involved. */
    @Test
    void aCommittedTransactionAnnouncesTheMessagesItPutAndNothingElse() {
        OutboxMessage first = Samples.message(now), second = Samples.message(now);
        DynamoAuditTrail audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        outbox.commit(
                List.of(
                        outbox.putNew(first),
                        audit.putNew(
                                new AuditEntry(
                                        "staff-1",
                                        "sent",
                                        "role:" + first.id(),
                                        now,
                                        null,
                                        "SENT")),
                        outbox.putNew(second)),
                null);

        assertEquals(List.of(first.id(), second.id()), announced.ids);
        assertEquals(Optional.of(first), outbox.find(first.id()));
    }

    /** SnapStart priming: a delivery's claim and marking as sent are answered offline, and the message still waits. */
    @Test
    void aRehearsedDeliveryLeavesTheMessageWaiting() {
        OutboxMessage waiting = added(now);
        Optional<TrackedMessage> before = outbox.tracked(waiting.id());

        assertTrue(outbox.rehearseDelivery(waiting.id(), now), "both updates answered offline");

        assertEquals(MailState.PENDING, before.orElseThrow().state());
        assertEquals(before, outbox.tracked(waiting.id()), "the rehearsal claimed or sent it");
        assertTrue(outbox.claim(waiting.id(), now, now.plus(LEASE)), "it can still be claimed");
    }

    @Test
    void aCancelledTransactionAnnouncesNothing() {
        OutboxMessage already = added(now), fresh = Samples.message(now);
        announced.ids.clear();

        assertThrows(
                TransactionCanceledException.class,
                () -> outbox.commit(List.of(outbox.putNew(fresh), outbox.putNew(already)), null));

        assertEquals(List.of(), announced.ids);
        assertEquals(Optional.empty(), outbox.find(fresh.id()));
    }

    @Test
    void aMessageWrittenOnItsOwnIsAnnouncedTheOnceItIsWritten() {
        OutboxMessage m = Samples.message(now);
        assertTrue(outbox.addOnce(m));
        assertFalse(outbox.addOnce(m));
        assertEquals(List.of(m.id()), announced.ids);
    }

    @Test
    void whenTheQueueIsUnreachableTheStepStillSucceedsAndTheMessageWaitsForTheSweep() {
        announced.unreachable = true;
        OutboxMessage m = Samples.message(now);

        outbox.commit(List.of(outbox.putNew(m)), null);

        assertEquals(Optional.of(m), outbox.find(m.id()));
        assertEquals("PENDING", item(m.id()).get("pending").s(), "in the sweep's index");
        assertEquals(1, warnings.size());
        assertTrue(
                warnings.get(0).contains(m.id()) && !warnings.get(0).contains(m.email().to()),
                warnings::toString);
    }

    @Test
    void theMailersOutboxWritesNothingNewSoAnnouncesNothing() {
        // The four-argument outbox is the mailer's: it sends; messages reach the outbox through the
        // steps' outboxes.
        DynamoOutbox mailers =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        messageId -> {},
                        warnings::add);
        OutboxMessage m = Samples.message(now);
        assertTrue(mailers.addOnce(m));
        assertEquals(List.of(), announced.ids);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aMessageIsFoundAsItWasWritten() {
        OutboxMessage m = added(now);
        assertEquals(Optional.of(m), outbox.find(m.id()));
    }

    @Test
    void anUnknownMessageIsNotFoundNorClaimed() {
        assertEquals(Optional.empty(), outbox.find("no-such-message"));
        assertFalse(outbox.claim("no-such-message", now, now.plus(LEASE)));
    }

    /**
     * A claim records the attempt before it is made. Once made, the attempt may have reached SES, so the message is
     * never claimed again, even after the lease: the mailer sets it aside for staff instead (MailDeliveryTest).
     */
    @Test
    void aClaimRecordsTheAttemptAndIsNeverGrantedTwice() {
        OutboxMessage m = added(now);
        assertTrue(outbox.claim(m.id(), now, now.plus(LEASE)));
        assertFalse(outbox.claim(m.id(), now.plusSeconds(1), now.plus(LEASE)));
        assertFalse(
                outbox.claim(
                        m.id(), now.plus(LEASE).plusSeconds(1), now.plus(LEASE.multipliedBy(2))));
        TrackedMessage t = outbox.tracked(m.id()).orElseThrow();
        assertEquals(MailState.SENDING, t.state());
        assertEquals(now, t.attemptedAt());
    }

    @Test
    void aSentMessageCannotBeClaimed() {
        OutboxMessage m = added(now);
        assertTrue(outbox.claim(m.id(), now, now.plus(LEASE)));
        outbox.markSent(m.id(), now.plusSeconds(1));

        assertFalse(
                outbox.claim(
                        m.id(), now.plus(LEASE).plusSeconds(1), now.plus(LEASE.multipliedBy(2))));
        Map<String, AttributeValue> item = item(m.id());
        assertEquals("SENT", item.get("status").s());
        assertEquals(now.plusSeconds(1), Items.time(item, "sentAt"));
        assertFalse(item.containsKey("pending"), "a sent message leaves the pending index");
        assertFalse(item.containsKey("leaseUntil"));
    }

    @Test
    void aMessageNotYetDueCannotBeClaimed() {
        OutboxMessage m = added(now.plusSeconds(60));
        assertFalse(outbox.claim(m.id(), now, now.plus(LEASE)));
    }

    @Test
    void retryLaterPutsTheMessageBackFromTheRetryTimeWithItsAttempts() {
        OutboxMessage m = added(now);
        outbox.claim(m.id(), now, now.plus(LEASE));
        Instant retryAt = now.plus(Duration.ofMinutes(1));

        outbox.retryLater(
                m.id(),
                1,
                retryAt,
                now,
                Problem.THROTTLED,
                "SES did not send the message to someone@example.org: TooManyRequests");

        OutboxMessage back = outbox.find(m.id()).orElseThrow();
        assertEquals(1, back.attempts());
        assertEquals(retryAt, back.dueAt());
        assertFalse(
                outbox.claim(m.id(), now.plusSeconds(1), now.plus(LEASE)),
                "not due before the retry time");
        assertTrue(
                outbox.claim(m.id(), retryAt, retryAt.plus(LEASE)),
                "the earlier lease is released");
        Map<String, AttributeValue> item = item(m.id());
        assertEquals(
                "SES did not send the message to [address]: TooManyRequests",
                item.get("lastError").s());
        assertEquals("PENDING", item.get("pending").s());
        TrackedMessage t = outbox.tracked(m.id()).orElseThrow();
        assertEquals(Problem.THROTTLED, t.problem());
        assertEquals(now, t.firstFailedAt());
    }

    @Test
    void givingUpTakesTheMessageOutOfThePendingIndexForGood() {
        OutboxMessage m = added(now);
        outbox.claim(m.id(), now, now.plus(LEASE));

        outbox.giveUp(m.id(), "x".repeat(500));

        Map<String, AttributeValue> item = item(m.id());
        assertEquals("FAILED", item.get("status").s());
        assertFalse(item.containsKey("pending"));
        assertEquals(200, item.get("lastError").s().length(), "the kept reason is short");
        assertFalse(
                outbox.claim(
                        m.id(), now.plus(LEASE).plusSeconds(1), now.plus(LEASE.multipliedBy(2))));
    }

    @Test
    void aSentMessageKeepsSesIdForIt() {
        OutboxMessage m = added(now);
        outbox.claim(m.id(), now, now.plus(LEASE));
        outbox.markSent(m.id(), now.plusSeconds(1), "0100018c-ses-id");
        TrackedMessage t = outbox.tracked(m.id()).orElseThrow();
        assertEquals(MailState.SENT, t.state());
        assertEquals("0100018c-ses-id", t.providerId());
    }

    @Test
    void checkingIsOnlyForAnAttemptStillRecordedAsSending() {
        OutboxMessage m = added(now);
        outbox.needsChecking(m.id(), Problem.NO_ANSWER, "no answer", now);
        assertEquals(MailState.PENDING, outbox.tracked(m.id()).orElseThrow().state());
        outbox.claim(m.id(), now, now.plus(LEASE));
        outbox.needsChecking(m.id(), Problem.NO_ANSWER, "no answer", now);
        TrackedMessage t = outbox.tracked(m.id()).orElseThrow();
        assertEquals(MailState.NEEDS_CHECKING, t.state());
        assertEquals(now, t.changedAt());
        assertFalse(item(m.id()).containsKey("pending"), "out of the sweep's way");
    }

    /** Failed and unsure messages are kept and listed, latest first, from their own sparse index; staff act once. */
    @Test
    void setAsideMessagesAreListedAndStaffActOnThemOnceWithTheirAuditEntry() {
        DynamoOutbox staffs =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        announced,
                        warnings::add,
                        () -> new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable")));
        Instant at = Instant.parse("2099-01-01T10:00:00Z"); // later than any other test's, so first
        OutboxMessage failed = added(now), unsure = added(now);
        staffs.fail(failed.id(), Problem.MESSAGE_REJECTED, "MessageRejected", at);
        staffs.claim(unsure.id(), now, now.plus(LEASE));
        staffs.needsChecking(unsure.id(), Problem.NO_ANSWER, "no answer", at.plusSeconds(1));
        // Set aside, each starts the clock of its text on the UK day it was (the retention job's
        // index).
        for (OutboxMessage m : List.of(failed, unsure)) {
            assertEquals("SET_ASIDE", item(m.id()).get("retention").s());
            assertEquals("2099-01-01", item(m.id()).get("retentionFrom").s());
        }
        aws.dynamoCalls().clear();

        List<TrackedMessage> listed = staffs.troubled(2);

        assertEquals(
                List.of(unsure.id(), failed.id()),
                listed.stream().map(TrackedMessage::id).toList());
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoOutbox.TROUBLED, 2)),
                aws.dynamoCalls().calls());

        AuditEntry again =
                new AuditEntry(
                        "staff-1",
                        "mail sent again",
                        "mail:" + failed.id(),
                        at,
                        "FAILED",
                        "PENDING");
        announced.ids.clear();
        assertTrue(staffs.sendAgain(failed.id(), at, again));
        assertFalse(staffs.sendAgain(failed.id(), at, again), "once");
        assertEquals(List.of(failed.id()), announced.ids, "announced so it goes at once");
        TrackedMessage back = staffs.tracked(failed.id()).orElseThrow();
        assertEquals(MailState.PENDING, back.state());
        assertEquals(at, back.message().dueAt());
        assertEquals(0, back.message().attempts());
        assertEquals(null, back.firstFailedAt(), "a fresh retry window");
        assertEquals("PENDING", item(failed.id()).get("pending").s(), "back in the sweep's index");
        assertFalse(item(failed.id()).containsKey("retention"), "no clock while it waits to go");
        assertFalse(item(failed.id()).containsKey("retentionFrom"));
        assertEquals(
                List.of(again),
                new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"))
                        .trailOf("mail:" + failed.id()));

        AuditEntry confirmed =
                new AuditEntry(
                        "staff-1",
                        "mail marked as sent",
                        "mail:" + unsure.id(),
                        at,
                        "NEEDS_CHECKING",
                        "SENT");
        assertFalse(staffs.confirmSent(failed.id(), at, confirmed), "only an unsure one");
        assertTrue(staffs.confirmSent(unsure.id(), at, confirmed));
        assertEquals(MailState.SENT, staffs.tracked(unsure.id()).orElseThrow().state());
        assertEquals("SENT", item(unsure.id()).get("retention").s(), "the sent clock, from then");
        assertEquals("2099-01-01", item(unsure.id()).get("retentionFrom").s());
        assertTrue(
                staffs.troubled(10).stream()
                        .noneMatch(t -> t.id().equals(unsure.id()) || t.id().equals(failed.id())));
        staffs.giveUp(failed.id(), "test over");
    }

    /**
     * The sweep's query must cost what is due, not what the table holds: 200 sent or not-yet-due messages
     * around one due message, and the one query evaluates only that one.
     */
    @Test
    void dueFindsOnlyPendingDueMessagesWithOneQueryOnThePendingIndex() {
        Instant sweepAt =
                Instant.parse("2001-02-03T10:00:00Z"); // a time of its own, before any other test's
        // messages
        List<OutboxMessage> sent = new ArrayList<>(), notYetDue = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(Samples.message(sweepAt.minus(Duration.ofHours(2)).plusSeconds(i)));
            notYetDue.add(Samples.message(sweepAt.plus(Duration.ofMinutes(1)).plusSeconds(i)));
        }
        OutboxMessage gaveUp = Samples.message(sweepAt.minus(Duration.ofHours(3)));
        OutboxMessage due = Samples.message(sweepAt.minus(Duration.ofMinutes(1)));
        List<OutboxMessage> all = new ArrayList<>(sent);
        all.addAll(notYetDue);
        all.add(gaveUp);
        all.add(due);
        add(all);
        sent.forEach(m -> outbox.markSent(m.id(), sweepAt.minus(Duration.ofHours(1))));
        outbox.giveUp(gaveUp.id(), "MessageRejected");
        aws.dynamoCalls().clear();

        List<OutboxMessage> found = outbox.due(sweepAt, 10);

        assertEquals(List.of(due), found);
        List<RecordedCalls.Call> calls = aws.dynamoCalls().calls();
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoOutbox.PENDING_BY_DUE_TIME, 1)),
                calls);
    }

    @Test
    void dueListsOldestFirstAndStopsAtTheLimit() {
        Instant sweepAt =
                Instant.parse(
                        "1990-05-06T10:00:00Z"); // earlier than the test above, which it must not
        // disturb
        OutboxMessage oldest = Samples.message(sweepAt.minusSeconds(30));
        OutboxMessage wholeSecond = Samples.message(sweepAt.minusSeconds(20));
        OutboxMessage halfSecondLater = Samples.message(sweepAt.minusSeconds(20).plusMillis(500));
        add(List.of(halfSecondLater, oldest, wholeSecond));
        try {
            assertEquals(
                    List.of(oldest, wholeSecond),
                    outbox.due(sweepAt, 2),
                    "sub-second times sort as times");
        } finally {
            List.of(oldest, wholeSecond, halfSecondLater)
                    .forEach(m -> outbox.giveUp(m.id(), "test over"));
        }
    }

    private OutboxMessage added(Instant dueAt) {
        OutboxMessage m = Samples.message(dueAt);
        add(List.of(m));
        return m;
    }

    private void add(List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = messages.stream().map(outbox::putNew).toList();
        for (int i = 0; i < writes.size(); i += 25) {
            List<TransactWriteItem> chunk = writes.subList(i, Math.min(i + 25, writes.size()));
            aws.dynamo().transactWriteItems(r -> r.transactItems(chunk));
        }
    }

    private Map<String, AttributeValue> item(String messageId) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("OutboxTable"))
                                        .key(Items.key("messageId", messageId))
                                        .consistentRead(true))
                .item();
    }
}
