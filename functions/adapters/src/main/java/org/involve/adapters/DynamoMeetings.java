package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.Meetings;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Meetings, attendance and attendance flags in the MeetingsTable ({@code pk}, {@code sk}; the record as JSON in {@code
 * data}):
 *
 * <ul>
 *   <li>a meeting: {@code meeting#<id>} / {@code meeting}; in ByDay ({@code meetingKind}, {@code meetingDay}) for the
 *       meetings held in a window, in ByRole ({@code roleId}, {@code roleSort}) for a role's meetings, and, while its
 *       papers are due and unsent, in the sparse PapersByDueDay ({@code papersQueue}, {@code papersDue}), which the
 *       daily job queries up to today, so it reads only what is due;
 *   <li>one partner's attendance at it: {@code meeting#<id>} / {@code attendance#<appointmentId>}, with {@code
 *       version};
 *   <li>a flag: {@code flag#<appointmentId>} / {@code <period>}, in ByRole.
 * </ul>
 *
 * Each write is one transaction with its audit entry and its e-mails.
 */
public final class DynamoMeetings implements Meetings {
    static final String PAPERS_BY_DUE_DAY = "PapersByDueDay", BY_DAY = "ByDay", BY_ROLE = "ByRole";
    private static final String MEETING = "meeting", ATTENDANCE = "attendance#", FLAG = "flag#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoMeetings(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public Optional<Meeting> find(String meetingId) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key(MEETING + "#" + meetingId, MEETING))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Json.read(item.get("data").s(), Meeting.class));
    }

    @Override
    public List<Meeting> forRole(String roleId) {
        return query(
                        BY_ROLE,
                        "roleId = :r AND begins_with(roleSort, :m)",
                        Map.of(":r", s(roleId), ":m", s(MEETING + "#")))
                .stream()
                .map(i -> Json.read(i.get("data").s(), Meeting.class))
                .sorted(Comparator.comparing(Meeting::startsAt))
                .toList();
    }

    @Override
    public List<Meeting> papersDue(LocalDate day) {
        return query(
                        PAPERS_BY_DUE_DAY,
                        "papersQueue = :q AND papersDue <= :d",
                        Map.of(":q", s("due"), ":d", s(day.toString())))
                .stream()
                .map(i -> Json.read(i.get("data").s(), Meeting.class))
                .toList();
    }

    @Override
    public List<Meeting> heldBetween(LocalDate from, LocalDate to) {
        return query(
                        BY_DAY,
                        "meetingKind = :k AND meetingDay BETWEEN :f AND :t",
                        Map.of(":k", s(MEETING), ":f", s(from.toString()), ":t", s(to.toString())))
                .stream()
                .map(i -> Json.read(i.get("data").s(), Meeting.class))
                .toList();
    }

    @Override
    public List<Attendance> attendanceAt(String meetingId) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .consistentRead(true)
                                        .keyConditionExpression("pk = :p AND begins_with(sk, :a)")
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":p",
                                                        s(MEETING + "#" + meetingId),
                                                        ":a",
                                                        s(ATTENDANCE))))
                .items()
                .stream()
                .map(i -> Json.read(i.get("data").s(), Attendance.class))
                .toList();
    }

    @Override
    public List<AttendanceFlag> flagsForRole(String roleId) {
        return query(
                        BY_ROLE,
                        "roleId = :r AND begins_with(roleSort, :f)",
                        Map.of(":r", s(roleId), ":f", s(FLAG)))
                .stream()
                .map(i -> Json.read(i.get("data").s(), AttendanceFlag.class))
                .sorted(Comparator.comparing(AttendanceFlag::flaggedAt).reversed())
                .toList();
    }

    @Override
    public boolean plan(Meeting meeting, AuditEntry entry, List<OutboxMessage> invitations) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(item(meeting), "attribute_not_exists(pk)", Map.of()));
        writes.add(audit.putNew(entry));
        invitations.forEach(m -> writes.add(outbox.putNew(m)));
        return commit(writes);
    }

    @Override
    public boolean papersSent(
            Meeting before, Meeting after, AuditEntry entry, List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                put(
                        item(after),
                        "attribute_not_exists(papersSentOn) AND " + sameVersion(before),
                        versionValues(before)));
        writes.add(audit.putNew(entry));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        return commit(writes);
    }

    @Override
    public boolean update(
            Meeting before, Meeting after, AuditEntry entry, List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(item(after), sameVersion(before), versionValues(before)));
        writes.add(audit.putNew(entry));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        return commit(writes);
    }

    /** The stored meeting is still at {@code before}'s version (meetings stored before versions are version 1). */
    private static String sameVersion(Meeting before) {
        return before.version() == 1
                ? "attribute_exists(pk) AND (attribute_not_exists(version) OR version = :v)"
                : "attribute_exists(pk) AND version = :v";
    }

    private static Map<String, AttributeValue> versionValues(Meeting before) {
        return Map.of(":v", Items.n(before.version()));
    }

    @Override
    public boolean record(Attendance before, Attendance after, AuditEntry entry) {
        Map<String, AttributeValue> item =
                new HashMap<>(
                        key(MEETING + "#" + after.meetingId(), ATTENDANCE + after.appointmentId()));
        item.put("version", Items.n(after.version()));
        item.put("data", s(Json.write(after)));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                before == null
                        ? put(item, "attribute_not_exists(pk)", Map.of())
                        : put(item, "version = :v", Map.of(":v", Items.n(before.version()))));
        writes.add(audit.putNew(entry));
        return commit(writes);
    }

    @Override
    public boolean flag(AttendanceFlag flag, AuditEntry entry, OutboxMessage toTeam) {
        Map<String, AttributeValue> item =
                new HashMap<>(key(FLAG + flag.appointmentId(), flag.period()));
        item.put("roleId", s(flag.roleId()));
        item.put("roleSort", s(FLAG + flag.period() + "#" + flag.appointmentId()));
        item.put("data", s(Json.write(flag)));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(item, "attribute_not_exists(pk)", Map.of()));
        writes.add(audit.putNew(entry));
        writes.add(outbox.putNew(toTeam));
        return commit(writes);
    }

    private boolean commit(List<TransactWriteItem> writes) {
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return false;
            throw e;
        } catch (Busy e) {
            return false; // still being written by someone else after trying again: nothing written
        }
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, AttributeValue> values) {
        return Items.put(table, item, condition, values);
    }

    private List<Map<String, AttributeValue>> query(
            String index, String condition, Map<String, AttributeValue> values) {
        return Items.query(dynamo, table, index, condition, values);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static Map<String, AttributeValue> item(Meeting m) {
        Map<String, AttributeValue> item = new HashMap<>(key(MEETING + "#" + m.id(), MEETING));
        item.put("meetingKind", s(MEETING));
        item.put("meetingDay", s(m.date().toString()));
        item.put("roleId", s(m.roleId()));
        item.put("roleSort", s(MEETING + "#" + m.date() + "T" + m.time() + "#" + m.id()));
        if (m.papersDue() != null && m.papersSent() == null) {
            item.put("papersQueue", s("due"));
            item.put("papersDue", s(m.papersDue().toString()));
        }
        if (m.papersSent() != null) item.put("papersSentOn", s(m.papersSent().toString()));
        item.put("version", Items.n(m.version()));
        item.put("data", s(Json.write(m)));
        return item;
    }
}
