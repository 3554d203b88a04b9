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
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.tenure.TenureReview;
import org.involve.core.tenure.TenureReviews;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Tenure reviews beside the partners' records in the PartnersTable. The partners whose next review (a review date,
 * or the end of their time in a role) is due by a day come from the sparse TenureByEndDay index ({@code tenureQueue} = "current", {@code tenureEnds}, written by {@link
 * DynamoPartnerRecords} while a partner is active or paused), so the daily job reads only those whose review window is
 * open, never a scan. A review is its own item, keyed {@code tenure-review#<appointmentId>#<end date>} (so it is in none
 * of the table's indexes), the review as JSON in {@code data} and its count of changes in {@code reviewVersion}. A save
 * is one transaction: the review on condition of its version, the partner's record on condition of its involvement's
 * version when it changes too, the audit entries and the e-mails.
 */
public final class DynamoTenureReviews implements TenureReviews {
    private static final String REVIEW = "tenure-review#", VERSION = "reviewVersion";
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoPartnerRecords records;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoTenureReviews(
            DynamoDbClient dynamo,
            String table,
            DynamoPartnerRecords records,
            DynamoOutbox outbox,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.records = records;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public List<PartnerRecords.Stored> endingBy(LocalDate day) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(DynamoPartnerRecords.TENURE_BY_END_DAY)
                                        .keyConditionExpression(
                                                "tenureQueue = :q AND tenureEnds <= :d")
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":q",
                                                        s(DynamoPartnerRecords.CURRENT),
                                                        ":d",
                                                        s(day.toString()))))
                .items()
                .stream()
                .map(DynamoPartnerRecords::stored)
                .toList();
    }

    @Override
    public Optional<TenureReview> find(String appointmentId, LocalDate ends) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("appointmentId", id(appointmentId, ends)))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Json.read(item.get("data").s(), TenureReview.class));
    }

    @Override
    public boolean save(
            TenureReview before,
            TenureReview after,
            Partner partnerBefore,
            Partner partnerAfter,
            List<AuditEntry> entries,
            List<OutboxMessage> messages) {
        Map<String, AttributeValue> item =
                new HashMap<>(key("appointmentId", id(after.appointmentId(), after.ends())));
        item.put(VERSION, Items.n(after.version()));
        item.put("data", s(Json.write(after)));
        item.put(DynamoCheckIns.PARTNER_OF, s(after.appointmentId()));
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
        if (partnerAfter != null)
            writes.add(records.changeWrite(partnerBefore, partnerAfter, entries));
        entries.forEach(e -> writes.add(audit.putNew(e)));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)
                    || (partnerAfter != null && Items.conditionFailed(e, 1))) return false;
            throw e;
        } catch (Busy e) {
            return false; // still being changed by someone else after trying again: nothing written
        }
    }

    private static String id(String appointmentId, LocalDate ends) {
        return REVIEW + appointmentId + "#" + ends;
    }
}
