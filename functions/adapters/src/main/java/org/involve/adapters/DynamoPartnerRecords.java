package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.Busy;
import org.involve.core.kit.Paging;
import org.involve.core.kit.References;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.tenure.CheckInRules;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Appointments in the PartnersTable, one item per appointment ({@code appointmentId}, from the application reference), the
 * record as JSON in {@code data}. The ByPerson index (keyed by {@code personKey}, the applicant key hash) finds every role
 * one person holds, for the paid-role limit, with a query; ByRole a role's partners; ByEmail (sparse, keyed by a hash of
 * the e-mail address on record) the partners who ask for a new link; TenureByEndDay (sparse: {@code tenureQueue} and
 * {@code tenureEnds}, the day of their next tenure review: the role's review date, or the end of their time in the role
 * when no review date comes first; only while they are active or paused) those due by a day, for the tenure review job; CheckInByDay (sparse: {@code checkinQueue} "anniversary" and {@code checkinDay}, the
 * start's month and day, only while they are active or paused) those whose anniversary has come, for the annual
 * check-in ({@link DynamoCheckIns}); PausedByReturnDay (sparse, keys only: {@code pauseQueue} "paused" and {@code
 * returnDay}, the return date they gave, only while they are paused with one) those whose pause ends by a day, for the
 * job that brings them back ({@link #returningBy}). The partner's involvement is JSON in
 * {@code involvement}, its version in {@code involvementVersion}, so a change is written on condition nobody changed
 * it meanwhile. An appointment is stored in one transaction with the
 * application's move to APPOINTED, its audit entries and the welcome e-mail.
 */
public final class DynamoPartnerRecords implements PartnerRecords {
    static final String BY_PERSON = "ByPerson", BY_ROLE = "ByRole", BY_EMAIL = "ByEmail";

    /** The sparse TenureByEndDay index: only partners still in the role (active or paused) carry these. */
    static final String TENURE_BY_END_DAY = "TenureByEndDay",
            TENURE_QUEUE = "tenureQueue",
            TENURE_ENDS = "tenureEnds",
            CHECK_IN_BY_DAY = "CheckInByDay",
            CHECK_IN_QUEUE = "checkinQueue",
            CHECK_IN_DAY = "checkinDay",
            ANNIVERSARY = "anniversary",
            CURRENT = "current";

    /** The sparse PausedByReturnDay index: only partners paused with a return date carry these. */
    static final String PAUSED_BY_RETURN_DAY = "PausedByReturnDay",
            PAUSE_QUEUE = "pauseQueue",
            RETURN_DAY = "returnDay",
            PAUSED = "paused";

    /**
     * The staff directory's index: DirectoryByStatus, by {@code status} in the directory's order ({@code directorySort},
     * {@link PartnerDirectory#key}). Only appointments carry {@code directorySort}, so the partner's own items beside
     * them (check-ins, tenure reviews) are not in it.
     */
    static final String DIRECTORY_BY_STATUS = "DirectoryByStatus", DIRECTORY_SORT = "directorySort";

    private static final String INVOLVEMENT = "involvement", VERSION = "involvementVersion";
    private static final int APPLICATION = 0, APPOINTMENT = 1;
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoApplications round;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoPartnerRecords(
            DynamoDbClient dynamo,
            String table,
            DynamoApplications round,
            DynamoOutbox outbox,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.round = round;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public Optional<Appointment> find(String appointmentId) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("appointmentId", appointmentId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(appointment(item));
    }

    @Override
    public List<Appointment> forPerson(String personKey) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(BY_PERSON)
                                        .keyConditionExpression("personKey = :person")
                                        .expressionAttributeValues(Map.of(":person", s(personKey))))
                .items()
                .stream()
                .map(DynamoPartnerRecords::appointment)
                .toList();
    }

    @Override
    public boolean appoint(
            Application current,
            Appointment appointment,
            Map<String, String> facts,
            List<AuditEntry> entries,
            List<OutboxMessage> messages) {
        if (current.status() != Application.Status.REFERENCES_RECEIVED) return false;
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(round.step(current, Application.Status.APPOINTED, facts, null));
        writes.add(
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(
                                                        item(
                                                                appointment,
                                                                Involvement.from(
                                                                        current, appointment.id())))
                                                .conditionExpression(
                                                        "attribute_not_exists(appointmentId)"))
                        .build());
        entries.forEach(e -> writes.add(audit.putNew(e)));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, APPLICATION) || Items.conditionFailed(e, APPOINTMENT))
                return false;
            throw e;
        } catch (Busy e) {
            return false; // still being changed by someone else after trying again: nothing written
        }
    }

    @Override
    public Optional<Stored> partner(String appointmentId) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("appointmentId", appointmentId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    @Override
    public List<Stored> forRole(String roleId) {
        return query(BY_ROLE, "roleId", roleId);
    }

    /**
     * Every role, or one status: one query of DirectoryByStatus per status asked for (all four when none is), each
     * from the cursor's key in the directory's order (descending from the start or after a key, ascending before it)
     * and at most {@code limit} items, then merged in that order: at most four times {@code limit} items whatever the
     * number of partners. Some roles: each role's partners from ByRole (a role has a handful), the status and cursor
     * applied here: at worst every partner of those roles, never the table's.
     */
    @Override
    public List<Stored> directory(
            List<String> roleIds, PartnerStatus status, Paging.Cursor cursor, int limit) {
        Comparator<Stored> order =
                Comparator.comparing((Stored s) -> PartnerDirectory.key(s.appointment()));
        if (cursor.direction() != Paging.Direction.BEFORE) order = order.reversed();
        List<Stored> found = new ArrayList<>();
        if (roleIds == null)
            for (PartnerStatus s :
                    status == null ? PartnerStatus.values() : new PartnerStatus[] {status})
                found.addAll(byStatus(s, cursor, limit));
        else
            for (String roleId : roleIds)
                for (Stored s : forRole(roleId))
                    if ((status == null || s.appointment().status() == status)
                            && beyond(cursor, PartnerDirectory.key(s.appointment()))) found.add(s);
        return found.stream().sorted(order).limit(limit).toList();
    }

    private static boolean beyond(Paging.Cursor cursor, String key) {
        return switch (cursor.direction()) {
            case FIRST -> true;
            case AFTER -> key.compareTo(cursor.key()) < 0;
            case BEFORE -> key.compareTo(cursor.key()) > 0;
        };
    }

    private List<Stored> byStatus(PartnerStatus status, Paging.Cursor cursor, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", s(status.name())));
        Map<String, String> names = new HashMap<>(Map.of("#s", "status"));
        String condition = "#s = :s";
        if (!cursor.isFirst()) {
            names.put("#d", DIRECTORY_SORT);
            condition +=
                    cursor.direction() == Paging.Direction.AFTER ? " AND #d < :c" : " AND #d > :c";
            values.put(":c", s(cursor.key()));
        }
        String keyCondition = condition;
        return dynamo
                .query(
                        r ->
                                r.tableName(table)
                                        .indexName(DIRECTORY_BY_STATUS)
                                        .keyConditionExpression(keyCondition)
                                        .expressionAttributeNames(names)
                                        .expressionAttributeValues(values)
                                        .scanIndexForward(
                                                cursor.direction() == Paging.Direction.BEFORE)
                                        .limit(limit))
                .items()
                .stream()
                .map(DynamoPartnerRecords::stored)
                .toList();
    }

    /**
     * One query of PausedByReturnDay (keys only: the job reads each record again before acting), evaluating only the
     * partners paused with a return date on or before the day.
     */
    @Override
    public List<String> returningBy(LocalDate day) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(PAUSED_BY_RETURN_DAY)
                                        .keyConditionExpression("#q = :q AND #d <= :d")
                                        .expressionAttributeNames(
                                                Map.of("#q", PAUSE_QUEUE, "#d", RETURN_DAY))
                                        .expressionAttributeValues(
                                                Map.of(":q", s(PAUSED), ":d", s(day.toString()))))
                .items()
                .stream()
                .map(i -> i.get("appointmentId").s())
                .toList();
    }

    @Override
    public List<Stored> withEmail(String email) {
        return query(BY_EMAIL, "emailKey", emailKey(email));
    }

    private List<Stored> query(String index, String attribute, String value) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(index)
                                        .keyConditionExpression(attribute + " = :v")
                                        .expressionAttributeValues(Map.of(":v", s(value))))
                .items()
                .stream()
                .map(DynamoPartnerRecords::stored)
                .toList();
    }

    @Override
    public boolean change(
            Partner before, Partner after, List<AuditEntry> entries, List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(changeWrite(before, after, entries));
        entries.forEach(e -> writes.add(audit.putNew(e)));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return false;
            throw e;
        } catch (Busy e) {
            return false; // still being changed by someone else after trying again: nothing written
        }
    }

    /**
     * A record whose involvement has ended (retired, or the tenure ended) carries the retention clock
     * ({@link DynamoRetention}), started on the UK day of this change (its audit entry's time): the partner retention
     * period runs from the last change to an ended record.
     */
    private static Map<String, AttributeValue> withRetention(
            Map<String, AttributeValue> item, Appointment a, List<AuditEntry> entries) {
        if (a.status().ended())
            item.putAll(
                    DynamoRetention.partnerRetention(
                            entries.isEmpty() ? Instant.now() : entries.get(0).when()));
        return item;
    }

    /**
     * The write that replaces the record with {@code after}, on condition its involvement is still at {@code before}'s
     * version; an ended record starts its retention clock on the day of {@code entries}' first (the change's audit).
     */
    TransactWriteItem changeWrite(Partner before, Partner after, List<AuditEntry> entries) {
        long version = before.involvement().version();
        return TransactWriteItem.builder()
                .put(
                        p ->
                                p.tableName(table)
                                        .item(
                                                withRetention(
                                                        item(
                                                                after.appointment(),
                                                                after.involvement()),
                                                        after.appointment(),
                                                        entries))
                                        .conditionExpression(
                                                version == 0
                                                        ? "attribute_exists(appointmentId)"
                                                                + " AND (attribute_not_exists("
                                                                + VERSION
                                                                + ") OR "
                                                                + VERSION
                                                                + " = :v)"
                                                        : VERSION + " = :v")
                                        .expressionAttributeValues(Map.of(":v", Items.n(version))))
                .build();
    }

    /** The ByEmail index's key: a hash of the address as the applicant key makes it, never the address itself. */
    static String emailKey(String email) {
        return References.sha256("email:" + AnswerRules.normaliseEmail(email));
    }

    private static Map<String, AttributeValue> item(Appointment a, Involvement involvement) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(INVOLVEMENT, s(Json.write(involvement)));
        item.put(VERSION, Items.n(involvement.version()));
        if (!involvement.email().isEmpty()) item.put("emailKey", s(emailKey(involvement.email())));
        item.put("appointmentId", s(a.id()));
        item.put("personKey", s(a.personKey()));
        item.put("roleId", s(a.roleId()));
        item.put("status", s(a.status().name()));
        item.put(DIRECTORY_SORT, s(PartnerDirectory.key(a)));
        if (a.status() == PartnerStatus.ACTIVE || a.status() == PartnerStatus.PAUSED) {
            item.put(TENURE_QUEUE, s(CURRENT));
            item.put(TENURE_ENDS, s(a.nextReview().toString()));
            item.put(CHECK_IN_QUEUE, s(ANNIVERSARY));
            item.put(CHECK_IN_DAY, s(CheckInRules.dayKey(a.start())));
        }
        if (a.status() == PartnerStatus.PAUSED && involvement.returnDate() != null) {
            item.put(PAUSE_QUEUE, s(PAUSED));
            item.put(RETURN_DAY, s(involvement.returnDate().toString()));
        }
        item.put("data", s(Json.write(a)));
        return item;
    }

    static Stored stored(Map<String, AttributeValue> item) {
        AttributeValue i = item.get(INVOLVEMENT);
        return new Stored(
                appointment(item), i == null ? null : Json.read(i.s(), Involvement.class));
    }

    private static Appointment appointment(Map<String, AttributeValue> item) {
        return Json.read(item.get("data").s(), Appointment.class);
    }
}
