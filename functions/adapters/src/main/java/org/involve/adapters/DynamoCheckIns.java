package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInRules;
import org.involve.core.tenure.CheckIns;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Annual check-ins beside the partners' records in the PartnersTable, read through the sparse CheckInByDay index in
 * two parts: {@code checkinQueue} "anniversary" holds the partners still in a role, keyed by their start's month and
 * day ({@code checkinDay}, written by {@link DynamoPartnerRecords}), so the daily job reads only those whose
 * anniversary fell in the last few days; "chase" holds the check-ins still waiting for their one reminder, keyed by the
 * day it is due. A check-in is its own item, keyed {@code checkin#<appointmentId>#<year>}, the check-in as JSON in
 * {@code data} and its count of changes in {@code checkinVersion}; it leaves the index once held or chased. A save is
 * one transaction: the check-in on condition of its version, the audit entries and the e-mails ({@link
 * PartnerOwnItems}).
 */
public final class DynamoCheckIns implements CheckIns {
    static final String CHASE = "chase";

    private static final String CHECK_IN = "checkin#", VERSION = "checkinVersion";
    private final DynamoDbClient dynamo;
    private final String table;
    private final PartnerOwnItems<CheckIn> items;

    public DynamoCheckIns(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new PartnerOwnItems<>(dynamo, table, outbox, audit, VERSION, CheckIn.class);
    }

    @Override
    public List<PartnerRecords.Stored> startedOnDays(CheckInRules.KeyRange range) {
        return query(DynamoPartnerRecords.ANNIVERSARY, range.from(), range.to()).stream()
                .map(DynamoPartnerRecords::stored)
                .toList();
    }

    @Override
    public List<CheckIn> chaseDueBy(LocalDate day) {
        return query(CHASE, "0000-01-01", day.toString()).stream()
                .map(i -> Json.read(i.get("data").s(), CheckIn.class))
                .toList();
    }

    private List<Map<String, AttributeValue>> query(String queue, String from, String to) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(DynamoPartnerRecords.CHECK_IN_BY_DAY)
                                        .keyConditionExpression(
                                                DynamoPartnerRecords.CHECK_IN_QUEUE
                                                        + " = :q AND "
                                                        + DynamoPartnerRecords.CHECK_IN_DAY
                                                        + " BETWEEN :f AND :t")
                                        .expressionAttributeValues(
                                                Map.of(":q", s(queue), ":f", s(from), ":t", s(to))))
                .items()
                .stream()
                .toList();
    }

    @Override
    public Optional<CheckIn> find(String appointmentId, int year) {
        return items.find(id(appointmentId, year));
    }

    @Override
    public boolean save(
            CheckIn before, CheckIn after, List<AuditEntry> entries, List<OutboxMessage> messages) {
        Map<String, AttributeValue> item =
                items.item(
                        id(after.appointmentId(), after.year()),
                        after.appointmentId(),
                        after.version(),
                        after);
        if (CheckInRules.awaitsChase(after)) {
            item.put(DynamoPartnerRecords.CHECK_IN_QUEUE, s(CHASE));
            item.put(DynamoPartnerRecords.CHECK_IN_DAY, s(CheckInRules.chaseOn(after).toString()));
        }
        return items.save(item, before == null ? null : before.version(), null, entries, messages);
    }

    private static String id(String appointmentId, int year) {
        return CHECK_IN + appointmentId + "#" + year;
    }
}
