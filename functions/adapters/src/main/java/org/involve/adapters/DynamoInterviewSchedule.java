package org.involve.adapters;

import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.interviews.FollowUpFacts;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The InterviewSlotsTable: one item per slot (roleId, slotId), and the steps that must land with an application's
 * move, each one transaction. A booked slot carries {@code reminderDue} until its reminder is written, which puts it
 * in the sparse {@value #AWAITING_REMINDER} index keyed by start time, so the reminder job's query costs the
 * interviews due, not the slots kept.
 */
public final class DynamoInterviewSchedule implements InterviewSchedule {
    static final String AWAITING_REMINDER = "AwaitingReminderByStartTime";
    static final String REMINDER_DUE = "reminderDue", DUE = "DUE";

    /**
     * On the ApplicationsTable: an invited application waiting for its reminder to book carries these, which put it in
     * the sparse {@value #AWAITING_BOOKING_REMINDER} index keyed by when the reminder is due.
     */
    static final String AWAITING_BOOKING_REMINDER = "AwaitingBookingReminder",
            BOOKING_REMINDER = "bookingReminder",
            BOOKING_REMINDER_AT = "bookingReminderAt";

    private static final List<String> BOOKING_REMINDER_KEYS =
            List.of(BOOKING_REMINDER, BOOKING_REMINDER_AT);
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoApplications round;
    private final Supplier<DynamoUsedLinks> usedLinks;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    /** @param usedLinks the one-use links, built when a booking through a link first needs them (staff book without one) */
    public DynamoInterviewSchedule(
            DynamoDbClient dynamo,
            String table,
            DynamoApplications round,
            Supplier<DynamoUsedLinks> usedLinks,
            DynamoOutbox outbox,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.round = round;
        this.usedLinks = usedLinks;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public List<InterviewSlot> forRole(String roleId) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .consistentRead(true)
                                        .keyConditionExpression("roleId = :role")
                                        .expressionAttributeValues(Map.of(":role", s(roleId))))
                .items()
                .stream()
                .map(DynamoInterviewSchedule::slot)
                .sorted(Comparator.comparing(InterviewSlot::startsAt))
                .toList();
    }

    @Override
    public boolean add(InterviewSlot slot, AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(slot));
        item.put("startsAt", time(slot.startsAt()));
        item.put("minutes", n(slot.minutes()));
        TransactWriteItem put =
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(item)
                                                .conditionExpression(
                                                        "attribute_not_exists(slotId)"))
                        .build();
        return transact(List.of(put, audit.putNew(entry))) == Integer.MAX_VALUE;
    }

    @Override
    public boolean removeFree(InterviewSlot slot, AuditEntry entry) {
        TransactWriteItem delete =
                TransactWriteItem.builder()
                        .delete(
                                d ->
                                        d.tableName(table)
                                                .key(key(slot))
                                                .conditionExpression(
                                                        "attribute_exists(slotId) AND attribute_not_exists(bookedBy)"))
                        .build();
        return transact(List.of(delete, audit.putNew(entry))) == Integer.MAX_VALUE;
    }

    @Override
    public boolean invite(
            Application app,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages,
            Instant remindToBookAt) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                round.step(
                        app,
                        Application.Status.INVITED_TO_INTERVIEW,
                        facts,
                        InterviewFacts.INVITATION_MARK,
                        remindToBookAt == null
                                ? Map.of()
                                : Map.of(
                                        BOOKING_REMINDER,
                                        s(DUE),
                                        BOOKING_REMINDER_AT,
                                        time(remindToBookAt)),
                        List.of()));
        writes.add(audit.putNew(entry));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        int failed = transact(writes);
        if (failed == Integer.MAX_VALUE) return true;
        if (failed == 0 || failed >= 2)
            return false; // moved on or invited already, or its invitation is already written
        throw new IllegalStateException("An invitation's audit entry already exists");
    }

    @Override
    public Booked book(Booking b) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(key(b.slot()))
                                                .updateExpression(
                                                        "SET bookedBy = :ref, applicantKey = :key, bookedAt = :at, "
                                                                + REMINDER_DUE
                                                                + " = :due")
                                                .conditionExpression(
                                                        "attribute_exists(slotId) AND attribute_not_exists(bookedBy)")
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":ref",
                                                                s(b.application().reference()),
                                                                ":key",
                                                                s(b.application().applicantKey()),
                                                                ":at",
                                                                time(b.at()),
                                                                ":due",
                                                                s(DUE))))
                        .build());
        int link = -1;
        if (b.tokenId() != null) {
            link = writes.size();
            writes.add(usedLinks.get().markUsedWith(b.tokenId(), b.at()));
        }
        int application = writes.size();
        writes.add(
                round.step(
                        b.application(),
                        Application.Status.INTERVIEW_BOOKED,
                        b.facts(),
                        null,
                        Map.of(),
                        BOOKING_REMINDER_KEYS));
        writes.add(audit.putNew(b.audit()));
        b.messages().forEach(m -> writes.add(outbox.putNew(m)));
        int failed = transact(writes);
        if (failed == Integer.MAX_VALUE) return Booked.BOOKED;
        if (failed == 0) return Booked.SLOT_TAKEN;
        if (failed == link) return Booked.LINK_USED;
        if (failed == application) return Booked.APPLICATION_MOVED;
        throw new IllegalStateException("A booking's audit entry or e-mail already exists");
    }

    @Override
    public List<InterviewSlot> awaitingReminder(Instant from, Instant until) {
        if (!from.isBefore(until)) return List.of();
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(AWAITING_REMINDER)
                                        .keyConditionExpression(
                                                REMINDER_DUE
                                                        + " = :due AND startsAt BETWEEN :from AND :last")
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":due",
                                                        s(DUE),
                                                        ":from",
                                                        time(from),
                                                        ":last",
                                                        time(until.minusNanos(1)))))
                .items()
                .stream()
                .map(DynamoInterviewSchedule::slot)
                .toList();
    }

    @Override
    public boolean remindOnce(InterviewSlot slot, OutboxMessage reminder) {
        TransactWriteItem leave =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(key(slot))
                                                .updateExpression(
                                                        "REMOVE "
                                                                + REMINDER_DUE
                                                                + " SET remindedAt = :at")
                                                .conditionExpression(
                                                        "attribute_exists("
                                                                + REMINDER_DUE
                                                                + ") AND bookedBy = :ref")
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":at",
                                                                time(reminder.createdAt()),
                                                                ":ref",
                                                                s(slot.bookedBy()))))
                        .build();
        return transact(List.of(leave, outbox.putNew(reminder))) == Integer.MAX_VALUE;
    }

    @Override
    public boolean release(
            InterviewSlot slot,
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(key(slot))
                                                .updateExpression(
                                                        "REMOVE bookedBy, applicantKey, bookedAt, remindedAt, "
                                                                + REMINDER_DUE)
                                                .conditionExpression(
                                                        "attribute_exists(slotId) AND bookedBy = :ref")
                                                .expressionAttributeValues(
                                                        Map.of(":ref", s(current.reference()))))
                        .build());
        writes.addAll(round.advanceWrites(current, to, facts, entry, messages));
        int failed = transact(writes);
        if (failed == Integer.MAX_VALUE) return true;
        if (failed <= 1) return false; // the slot is no longer theirs, or the application moved on
        throw new IllegalStateException("A release's audit entry or e-mail already exists");
    }

    @Override
    public List<Application> awaitingBookingReminder(Instant dueBy) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(round.table())
                                        .indexName(AWAITING_BOOKING_REMINDER)
                                        .keyConditionExpression(
                                                BOOKING_REMINDER
                                                        + " = :due AND "
                                                        + BOOKING_REMINDER_AT
                                                        + " <= :by")
                                        .expressionAttributeValues(
                                                Map.of(":due", s(DUE), ":by", time(dueBy))))
                .items()
                .stream()
                .map(DynamoApplicationStore::application)
                .toList();
    }

    @Override
    public boolean remindToBookOnce(
            Application current,
            Map<String, String> facts,
            AuditEntry entry,
            OutboxMessage reminder) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                round.step(
                        current,
                        current.status(),
                        facts,
                        FollowUpFacts.REMINDER_MARK,
                        Map.of(),
                        BOOKING_REMINDER_KEYS));
        writes.add(audit.putNew(entry));
        writes.add(outbox.putNew(reminder));
        int failed = transact(writes);
        if (failed == Integer.MAX_VALUE) return true;
        if (failed == 0 || failed == 2)
            return false; // moved on or reminded, or its e-mail is written
        throw new IllegalStateException("A reminder's audit entry already exists");
    }

    @Override
    public void noBookingReminder(Application app) {
        dynamo.updateItem(
                u ->
                        u.tableName(round.table())
                                .key(DynamoApplicationStore.key(app.roleId(), app.applicantKey()))
                                .updateExpression(
                                        "REMOVE " + BOOKING_REMINDER + ", " + BOOKING_REMINDER_AT));
    }

    /**
     * Runs the transaction; returns {@code Integer.MAX_VALUE} when it was written, or the index of the write whose
     * condition failed. Two transactions touching the same item at once make one of them cancel with a conflict
     * rather than a failed condition: that one is tried again ({@link org.involve.adapters.internal.Transactions}),
     * and then meets the other's result as a condition.
     */
    private int transact(List<TransactWriteItem> writes) {
        try {
            outbox.commit(writes, null);
            return Integer.MAX_VALUE;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons =
                    e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            for (int i = 0; i < reasons.size(); i++)
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) return i;
            throw e;
        }
    }

    private static Map<String, AttributeValue> key(InterviewSlot slot) {
        return Map.of("roleId", s(slot.roleId()), "slotId", s(slot.slotId()));
    }

    static InterviewSlot slot(Map<String, AttributeValue> item) {
        return new InterviewSlot(
                string(item, "roleId"),
                string(item, "slotId"),
                Items.time(item, "startsAt"),
                Items.number(item, "minutes"),
                string(item, "bookedBy"),
                string(item, "applicantKey"));
    }
}
