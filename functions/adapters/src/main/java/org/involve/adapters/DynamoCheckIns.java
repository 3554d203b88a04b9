package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInRules;
import org.involve.core.tenure.CheckIns;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Annual check-ins beside the partners' records in the PartnersTable, read through the sparse CheckInByDay index in
 * two parts: {@code checkinQueue} "anniversary" holds the partners still in a role, keyed by their start's month and
 * day ({@code checkinDay}, written by {@link DynamoPartnerRecords}), so the daily job reads only those whose
 * anniversary fell in the last few days; "chase" holds the check-ins still waiting for their one reminder, keyed by the
 * day it is due. A check-in is its own item, keyed {@code checkin#<appointmentId>#<year>}, the check-in as JSON in
 * {@code data} and its count of changes in {@code checkinVersion}; it leaves the index once held or chased. A save is
 * one transaction: the check-in on condition of its version, the audit entries and the e-mails.
 */
public final class DynamoCheckIns implements CheckIns {
    static final String CHASE = "chase";

    /**
     * The sparse ByPartner index of the PartnersTable: a partner's own items beside their record (check-ins and
     * tenure reviews) carry {@code partnerOf}, their appointment's id, so subject access, erasure and the retention job
     * find them by the partner (DynamoPersonalData, DynamoRetention).
     */
    static final String BY_PARTNER = "ByPartner", PARTNER_OF = "partnerOf";

    private static final String CHECK_IN = "checkin#", VERSION = "checkinVersion";
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoCheckIns(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
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
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("appointmentId", id(appointmentId, year)))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Json.read(item.get("data").s(), CheckIn.class));
    }

    @Override
    public boolean save(
            CheckIn before, CheckIn after, List<AuditEntry> entries, List<OutboxMessage> messages) {
        Map<String, AttributeValue> item =
                new HashMap<>(key("appointmentId", id(after.appointmentId(), after.year())));
        item.put(VERSION, Items.n(after.version()));
        item.put("data", s(Json.write(after)));
        item.put(PARTNER_OF, s(after.appointmentId()));
        if (CheckInRules.awaitsChase(after)) {
            item.put(DynamoPartnerRecords.CHECK_IN_QUEUE, s(CHASE));
            item.put(DynamoPartnerRecords.CHECK_IN_DAY, s(CheckInRules.chaseOn(after).toString()));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                TransactWriteItem.builder()
                        .put(
                                p -> {
                                    p.tableName(table).item(item);
                                    if (before == null)
                                        p.conditionExpression(
                                                "attribute_not_exists(appointmentId)");
                                    else
                                        p.conditionExpression(VERSION + " = :v")
                                                .expressionAttributeValues(
                                                        Map.of(":v", Items.n(before.version())));
                                })
                        .build());
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

    private static String id(String appointmentId, int year) {
        return CHECK_IN + appointmentId + "#" + year;
    }
}
