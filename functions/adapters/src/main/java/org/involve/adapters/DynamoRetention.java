package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.adapters.internal.Transactions;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Retention;
import org.involve.core.partners.Appointment;
import org.involve.core.retention.RetentionRecords;
import org.involve.core.retention.RetentionRecords.EmailClock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The retention job's reads and deletions. The ApplicationsTable and the OutboxTable each have a sparse
 * {@value #INDEX} index on {@code retention} (what kind of clock: {@value #ENDED_WITHOUT_A_PLACE}, {@value #SENT},
 * {@value #SET_ASIDE}) and {@code retentionFrom} (the UK day, "2026-04-01", the clock started), written by the step
 * that starts it ({@link DynamoRoundApplications}, {@link DynamoPartnerRecords#change}, {@link DynamoOutbox#markSent},
 * {@link DynamoOutbox#fail}, {@link DynamoOutbox#needsChecking}). The job queries each up to the last start day that
 * is due, so it reads only what is due however much is kept. An application is deleted with its reference requests
 * (ReferencesTable), the interview slot it booked (InterviewSlotsTable, only while booked by it) and its shortlisting
 * paper, scores and conflicts (ShortlistingTable, a query on the role's key by the anonymous id's prefix), in one
 * transaction with the audit entry, on condition that its clock has not been started again since it was read; a
 * partner record likewise, with the application it was made from (found by its key: the role and the person's key).
 */
public final class DynamoRetention implements RetentionRecords {
    static final String INDEX = "RetentionByDay";
    static final String RETENTION = "retention", RETENTION_FROM = "retentionFrom";
    static final String ENDED_WITHOUT_A_PLACE = "ENDED_WITHOUT_A_PLACE",
            SENT = "SENT",
            SET_ASIDE = "SET_ASIDE",
            PARTNER_ENDED = "PARTNER_ENDED";
    static final String BODY_REMOVED_AT = "bodyRemovedAt";

    /**
     * What a step starting an e-mail's clock adds to its SET (sending it, or setting it aside unsent for staff), with
     * {@link #emailRetention}'s values.
     */
    static final String EMAIL_CLOCK_SET =
            ", retention = :retention, retentionFrom = :retentionFrom";

    /** What staff sending an e-mail again add to its REMOVE: its clock stops until it is sent or set aside again. */
    static final String EMAIL_CLOCK_REMOVE = "retention, retentionFrom";

    /** A transaction holds at most 100 writes. */
    private static final int MOST_WRITES = 100;

    private final DynamoDbClient dynamo;
    private final String applications,
            references,
            interviewSlots,
            shortlisting,
            partners,
            outbox,
            meetings;
    private final DynamoAuditTrail audit;

    public DynamoRetention(
            DynamoDbClient dynamo,
            String applicationsTable,
            String referencesTable,
            String interviewSlotsTable,
            String shortlistingTable,
            String partnersTable,
            String outboxTable,
            String meetingsTable,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.applications = applicationsTable;
        this.references = referencesTable;
        this.interviewSlots = interviewSlotsTable;
        this.shortlisting = shortlistingTable;
        this.partners = partnersTable;
        this.outbox = outboxTable;
        this.meetings = meetingsTable;
        this.audit = audit;
    }

    /** The attributes a step ending an application without a place sets, as of {@code now}. */
    static Map<String, AttributeValue> applicationRetention(Instant now) {
        return Map.of(
                RETENTION,
                s(ENDED_WITHOUT_A_PLACE),
                RETENTION_FROM,
                s(Retention.startDay(now).toString()));
    }

    /** The attributes a partner record whose involvement has ended carries, its clock started at {@code endedAt}. */
    static Map<String, AttributeValue> partnerRetention(Instant endedAt) {
        return Map.of(
                RETENTION,
                s(PARTNER_ENDED),
                RETENTION_FROM,
                s(Retention.startDay(endedAt).toString()));
    }

    /** The values of {@link #EMAIL_CLOCK_SET} for a message sent, or set aside unsent, at {@code at}. */
    static Map<String, AttributeValue> emailRetention(EmailClock clock, Instant at) {
        return Map.of(
                ":retention",
                s(kind(clock)),
                ":retentionFrom",
                s(Retention.startDay(at).toString()));
    }

    private static String kind(EmailClock clock) {
        return switch (clock) {
            case SENT -> SENT;
            case SET_ASIDE -> SET_ASIDE;
        };
    }

    @Override
    public List<Application> applicationsDue(LocalDate lastStartDay, int limit) {
        return due(applications, ENDED_WITHOUT_A_PLACE, lastStartDay, limit).stream()
                .map(DynamoApplicationStore::application)
                .toList();
    }

    @Override
    public List<String> emailsDue(EmailClock clock, LocalDate lastStartDay, int limit) {
        return due(outbox, kind(clock), lastStartDay, limit).stream()
                .map(item -> Items.string(item, "messageId"))
                .toList();
    }

    private List<Map<String, AttributeValue>> due(
            String table, String kind, LocalDate lastStartDay, int limit) {
        if (limit < 1) return List.of();
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(INDEX)
                        .keyConditionExpression("#kind = :kind AND #from <= :last")
                        .expressionAttributeNames(
                                Map.of("#kind", RETENTION, "#from", RETENTION_FROM))
                        .expressionAttributeValues(
                                Map.of(":kind", s(kind), ":last", s(lastStartDay.toString())))
                        .limit(limit)
                        .build();
        return dynamo.queryPaginator(query).items().stream().limit(limit).toList();
    }

    @Override
    public boolean delete(Remains remains, LocalDate lastStartDay, AuditEntry entry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                dueDelete(
                        applications,
                        DynamoApplicationStore.key(remains.roleId(), remains.applicantKey()),
                        ENDED_WITHOUT_A_PLACE,
                        lastStartDay));
        writes.add(DynamoApplicationCounts.removed(applications, remains.roleId()));
        writes.add(audit.putNew(entry));
        return written(writes, belonging(remains));
    }

    @Override
    public List<Appointment> partnersDue(LocalDate lastStartDay, int limit) {
        return due(partners, PARTNER_ENDED, lastStartDay, limit).stream()
                .map(item -> Json.read(item.get("data").s(), Appointment.class))
                .toList();
    }

    @Override
    public Optional<Application> application(String roleId, String applicantKey) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(applications)
                                                .key(
                                                        DynamoApplicationStore.key(
                                                                roleId, applicantKey))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(DynamoApplicationStore.application(item));
    }

    @Override
    public boolean deletePartner(
            Appointment partner,
            Optional<Remains> application,
            LocalDate lastStartDay,
            AuditEntry entry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                dueDelete(
                        partners, key("appointmentId", partner.id()), PARTNER_ENDED, lastStartDay));
        writes.add(audit.putNew(entry));
        List<TransactWriteItem> belonging = new ArrayList<>();
        application.ifPresent(
                a -> {
                    // The application and its role's count change together, or neither (it was
                    // erased meanwhile: the next run finds no application).
                    writes.addAll(
                            DynamoApplicationCounts.deleted(
                                    applications,
                                    DynamoApplicationStore.key(a.roleId(), a.applicantKey())));
                    belonging.addAll(belonging(a));
                });
        belonging.addAll(attendance(partner));
        belonging.addAll(ownItems(partner));
        return written(writes, belonging);
    }

    /**
     * The partner's own items beside their record (check-ins and tenure reviews, free text about them), found by the
     * PartnersTable's sparse ByPartner index: they go with the record.
     */
    private List<TransactWriteItem> ownItems(Appointment partner) {
        QueryRequest own =
                QueryRequest.builder()
                        .tableName(partners)
                        .indexName(PartnerOwnItems.BY_PARTNER)
                        .keyConditionExpression("#of = :a")
                        .projectionExpression("appointmentId")
                        .expressionAttributeNames(Map.of("#of", PartnerOwnItems.PARTNER_OF))
                        .expressionAttributeValues(Map.of(":a", s(partner.id())))
                        .build();
        return dynamo.queryPaginator(own).items().stream()
                .map(i -> delete(partners, Map.of("appointmentId", i.get("appointmentId"))))
                .toList();
    }

    /**
     * The partner's attendance marks at their role's meetings (the meetings found by the MeetingsTable's ByRole index;
     * a mark's key is the meeting's and the appointment's, so none is read) and their attendance flags (their own
     * partition). The meetings themselves stay: they belong to the role, not to the partner.
     */
    private List<TransactWriteItem> attendance(Appointment partner) {
        List<TransactWriteItem> out = new ArrayList<>();
        QueryRequest roleMeetings =
                QueryRequest.builder()
                        .tableName(meetings)
                        .indexName(DynamoMeetings.BY_ROLE)
                        .keyConditionExpression("roleId = :r AND begins_with(roleSort, :m)")
                        .projectionExpression("pk")
                        .expressionAttributeValues(
                                Map.of(":r", s(partner.roleId()), ":m", s("meeting#")))
                        .build();
        dynamo.queryPaginator(roleMeetings).items().stream()
                .map(m -> m.get("pk").s())
                .distinct()
                .forEach(
                        pk ->
                                out.add(
                                        delete(
                                                meetings,
                                                Map.of(
                                                        "pk",
                                                        s(pk),
                                                        "sk",
                                                        s("attendance#" + partner.id())))));
        QueryRequest flags =
                QueryRequest.builder()
                        .tableName(meetings)
                        .keyConditionExpression("pk = :p")
                        .projectionExpression("pk, sk")
                        .expressionAttributeValues(Map.of(":p", s("flag#" + partner.id())))
                        .build();
        dynamo.queryPaginator(flags)
                .items()
                .forEach(
                        f ->
                                out.add(
                                        delete(
                                                meetings,
                                                Map.of("pk", f.get("pk"), "sk", f.get("sk")))));
        return out;
    }

    /**
     * The record's deletion, on condition its clock of {@code kind} still started on or before {@code lastStartDay}
     * (not started again since it was read).
     */
    private TransactWriteItem dueDelete(
            String table, Map<String, AttributeValue> key, String kind, LocalDate lastStartDay) {
        return TransactWriteItem.builder()
                .delete(
                        d ->
                                d.tableName(table)
                                        .key(key)
                                        .conditionExpression("#kind = :kind AND #from <= :last")
                                        .expressionAttributeNames(
                                                Map.of("#kind", RETENTION, "#from", RETENTION_FROM))
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":kind",
                                                        s(kind),
                                                        ":last",
                                                        s(lastStartDay.toString()))))
                .build();
    }

    /** What belongs to an application: its reference requests, the slot it booked, its shortlisting items. */
    private List<TransactWriteItem> belonging(Remains remains) {
        List<TransactWriteItem> belonging = new ArrayList<>();
        for (String requestId : remains.referenceRequestIds())
            belonging.add(delete(references, key("requestId", requestId)));
        if (remains.interviewSlot() != null) bookedSlot(remains).ifPresent(belonging::add);
        for (Map<String, AttributeValue> k : shortlistingItems(remains))
            belonging.add(delete(shortlisting, k));
        return belonging;
    }

    /**
     * Writes the record's conditional deletion and its audit entry ({@code writes}) with what belongs to it, in one
     * transaction. Should what belongs to it ever pass a transaction's 100 writes, the excess goes first in
     * transactions of its own, so the record (and its audit entry) goes last.
     */
    private boolean written(List<TransactWriteItem> writes, List<TransactWriteItem> belonging) {
        List<TransactWriteItem> rest = new ArrayList<>(belonging);
        while (writes.size() + rest.size() > MOST_WRITES) {
            int excess = writes.size() + rest.size() - MOST_WRITES;
            List<TransactWriteItem> chunk = rest.subList(0, Math.min(MOST_WRITES, excess));
            Transactions.write(dynamo, new ArrayList<>(chunk), null);
            chunk.clear();
        }
        List<TransactWriteItem> all = new ArrayList<>(writes);
        all.addAll(rest);
        return written(all);
    }

    /** The slot's deletion, on condition it is still booked by this application (as it was a moment ago). */
    private Optional<TransactWriteItem> bookedSlot(Remains remains) {
        Map<String, AttributeValue> slotKey =
                Map.of("roleId", s(remains.roleId()), "slotId", s(remains.interviewSlot()));
        var slot =
                dynamo.getItem(
                                r ->
                                        r.tableName(interviewSlots)
                                                .key(slotKey)
                                                .consistentRead(true)
                                                .projectionExpression("bookedBy"))
                        .item();
        if (slot == null || !remains.reference().equals(Items.string(slot, "bookedBy")))
            return Optional.empty();
        return Optional.of(
                TransactWriteItem.builder()
                        .delete(
                                d ->
                                        d.tableName(interviewSlots)
                                                .key(slotKey)
                                                .conditionExpression("bookedBy = :ref")
                                                .expressionAttributeValues(
                                                        Map.of(":ref", s(remains.reference()))))
                        .build());
    }

    /**
     * The keys of the applicant's paper, scores and conflicts: three queries on the role's key, by prefix (anonymous
     * ids are all the same length, so one is never the start of another).
     */
    private List<Map<String, AttributeValue>> shortlistingItems(Remains remains) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        String id = remains.anonymousId();
        for (String prefix : List.of("paper#" + id, "score#" + id + "#", "conflict#" + id + "#"))
            dynamo.queryPaginator(
                            r ->
                                    r.tableName(shortlisting)
                                            .consistentRead(true)
                                            .keyConditionExpression(
                                                    "roleId = :role AND begins_with(itemKey, :prefix)")
                                            .expressionAttributeValues(
                                                    Map.of(
                                                            ":role",
                                                            s(remains.roleId()),
                                                            ":prefix",
                                                            s(prefix)))
                                            .projectionExpression("roleId, itemKey"))
                    .items()
                    .forEach(keys::add);
        return keys;
    }

    /**
     * Keeps the message's {@code trouble} (a FAILED or NEEDS_CHECKING message stays on the problems list, where staff
     * are told its text has gone and take it off), and its {@code toKey} (so subject access and erasure still find that
     * it was written to the person).
     */
    @Override
    public boolean removeBody(
            String messageId,
            EmailClock clock,
            LocalDate lastStartDay,
            Instant now,
            AuditEntry entry) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":kind", s(kind(clock)));
        values.put(":last", s(lastStartDay.toString()));
        values.put(":now", time(now));
        TransactWriteItem strip =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(outbox)
                                                .key(key("messageId", messageId))
                                                .updateExpression(
                                                        "SET "
                                                                + BODY_REMOVED_AT
                                                                + " = :now REMOVE #to, subject, html, #text,"
                                                                + " #kind, #from")
                                                .conditionExpression(
                                                        "#kind = :kind AND #from <= :last")
                                                .expressionAttributeNames(
                                                        Map.of(
                                                                "#to",
                                                                "to",
                                                                "#text",
                                                                "text",
                                                                "#kind",
                                                                RETENTION,
                                                                "#from",
                                                                RETENTION_FROM))
                                                .expressionAttributeValues(values))
                        .build();
        return written(List.of(strip, audit.putNew(entry)));
    }

    private static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build();
    }

    /** False when the first write's condition failed: the record has gone or its clock was started again. */
    private boolean written(List<TransactWriteItem> writes) {
        try {
            Transactions.write(dynamo, writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.anyConditionFailed(e)) return false;
            throw e;
        }
    }
}
