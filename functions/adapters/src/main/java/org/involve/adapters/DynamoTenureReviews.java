package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.tenure.TenureReview;
import org.involve.core.tenure.TenureReviews;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Tenure reviews beside the partners' records in the PartnersTable. The partners whose next review (a review date,
 * or the end of their time in a role) is due by a day come from the sparse TenureByEndDay index ({@code tenureQueue} = "current", {@code tenureEnds}, written by {@link
 * DynamoPartnerRecords} while a partner is active or paused), so the daily job reads only those whose review window is
 * open, never a scan. A review is its own item, keyed {@code tenure-review#<appointmentId>#<end date>} (so it is in none
 * of the table's indexes), the review as JSON in {@code data} and its count of changes in {@code reviewVersion}. A save
 * is one transaction: the review on condition of its version, the partner's record on condition of its involvement's
 * version when it changes too, the audit entries and the e-mails ({@link PartnerOwnItems}).
 */
public final class DynamoTenureReviews implements TenureReviews {
    private static final String REVIEW = "tenure-review#", VERSION = "reviewVersion";
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoPartnerRecords records;
    private final PartnerOwnItems<TenureReview> items;

    public DynamoTenureReviews(
            DynamoDbClient dynamo,
            String table,
            DynamoPartnerRecords records,
            DynamoOutbox outbox,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.records = records;
        this.items =
                new PartnerOwnItems<>(dynamo, table, outbox, audit, VERSION, TenureReview.class);
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
        return items.find(id(appointmentId, ends));
    }

    @Override
    public boolean save(
            TenureReview before,
            TenureReview after,
            Partner partnerBefore,
            Partner partnerAfter,
            List<AuditEntry> entries,
            List<OutboxMessage> messages) {
        return items.save(
                items.item(
                        id(after.appointmentId(), after.ends()),
                        after.appointmentId(),
                        after.version(),
                        after),
                before == null ? null : before.version(),
                partnerAfter == null
                        ? null
                        : records.changeWrite(partnerBefore, partnerAfter, entries),
                entries,
                messages);
    }

    private static String id(String appointmentId, LocalDate ends) {
        return REVIEW + appointmentId + "#" + ends;
    }
}
