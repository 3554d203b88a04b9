package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Retention;
import org.involve.core.retention.PaymentRetention;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Payment records' retention: every payment record carries {@code retention} = {@value #PAID} and {@code
 * retentionFrom}, the first day of the UK tax year after the one it was paid in (written by {@link DynamoPayments}
 * when it is recorded, from the day it was calculated, and moved on when it joins a payroll export, to the tax year of
 * the export's payroll month), the keys of the PaymentsTable's sparse RetentionByDay index (keys only). The job queries it up
 * to the last start day due and deletes each record with its claim (the same id, in the ClaimsTable) and its audit
 * entry in one transaction, on condition the record is still due. The claim's receipts (tax evidence until then) are
 * deleted just before: if the transaction then finds the record gone, it was being deleted anyway, and if the
 * deletion is cut short the record is still due and the next run deletes what is left.
 */
public final class DynamoPaymentRetention implements PaymentRetention {
    static final String PAID = "PAID";
    private final DynamoDbClient dynamo;
    private final String payments, claims;
    private final DynamoAuditTrail audit;
    private final java.util.function.Supplier<org.involve.core.payments.Receipts> receipts;

    /** @param receipts the receipts store, built when first needed */
    public DynamoPaymentRetention(
            DynamoDbClient dynamo,
            String payments,
            String claims,
            DynamoAuditTrail audit,
            java.util.function.Supplier<org.involve.core.payments.Receipts> receipts) {
        this.receipts = receipts;
        this.dynamo = dynamo;
        this.payments = payments;
        this.claims = claims;
        this.audit = audit;
    }

    /** The attributes that put a payment record calculated at {@code calculatedAt} in the retention index. */
    static Map<String, AttributeValue> clock(Instant calculatedAt) {
        return clock(Retention.startDay(calculatedAt));
    }

    /**
     * The same for a record paid on or before {@code paidBy} (the payroll month's last day), set when it joins an
     * export: a payment calculated in one tax year and paid in the next is kept from the end of the next.
     */
    static Map<String, AttributeValue> clock(java.time.LocalDate paidBy) {
        return Map.of(
                DynamoRetention.RETENTION,
                s(PAID),
                DynamoRetention.RETENTION_FROM,
                s(Retention.afterTaxYearOf(paidBy).toString()));
    }

    @Override
    public List<String> paymentsDue(java.time.LocalDate lastStartDay, int limit) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(payments)
                                        .indexName(DynamoRetention.INDEX)
                                        .keyConditionExpression("#kind = :kind AND #from <= :last")
                                        .expressionAttributeNames(
                                                Map.of(
                                                        "#kind",
                                                        DynamoRetention.RETENTION,
                                                        "#from",
                                                        DynamoRetention.RETENTION_FROM))
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":kind",
                                                        s(PAID),
                                                        ":last",
                                                        s(lastStartDay.toString())))
                                        .limit(limit))
                .items()
                .stream()
                .limit(limit)
                .map(i -> i.get("claimId").s())
                .toList();
    }

    @Override
    public boolean deletePayment(
            String claimId, java.time.LocalDate lastStartDay, AuditEntry entry) {
        receipts.get().deleteAll(claimId);
        TransactWriteItem record =
                TransactWriteItem.builder()
                        .delete(
                                d ->
                                        d.tableName(payments)
                                                .key(key("claimId", claimId))
                                                .conditionExpression(
                                                        "#kind = :kind AND #from <= :last")
                                                .expressionAttributeNames(
                                                        Map.of(
                                                                "#kind",
                                                                DynamoRetention.RETENTION,
                                                                "#from",
                                                                DynamoRetention.RETENTION_FROM))
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":kind",
                                                                s(PAID),
                                                                ":last",
                                                                s(lastStartDay.toString()))))
                        .build();
        TransactWriteItem claim =
                TransactWriteItem.builder()
                        .delete(d -> d.tableName(claims).key(key("claimId", claimId)))
                        .build();
        try {
            Transactions.write(dynamo, List.of(record, claim, audit.putNew(entry)), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.anyConditionFailed(e)) return false;
            throw e;
        }
    }
}
