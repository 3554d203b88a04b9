package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.adapters.internal.OfflineHttp;
import org.involve.adapters.internal.Transactions;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The PaymentsTable: one item per approved claim, keyed by the claim's id and put on condition that none exists, so
 * however often a claim is delivered, and by however many consumers at once, one payment is recorded. A payment not
 * yet in a payroll export carries {@code exportQueue}, which puts it in the sparse Unexported index (by calculatedAt)
 * that the monthly export reads; {@link #export} moves it, on condition it is still waiting, to one export (exportId,
 * the ByExport index), so each payment is in exactly one export.
 */
public final class DynamoPayments implements Payments {
    static final String WAITING = "waiting";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPayments(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Recorded record(PaymentRecord payment, PaidSoFar basis) {
        return record(dynamo, payment, basis);
    }

    private Recorded record(DynamoDbClient client, PaymentRecord payment, PaidSoFar basis) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("claimId", s(payment.claimId()));
        item.put("appointmentId", s(payment.appointmentId()));
        item.put("calculatedAt", time(payment.calculatedAt()));
        item.put("exportQueue", s(WAITING));
        item.put("data", s(Json.write(payment)));
        // Kept as long as tax law needs: the retention job finds it when that period has ended.
        item.putAll(DynamoPaymentRetention.clock(payment.calculatedAt()));
        TransactWriteItem record =
                Items.put(table, item, "attribute_not_exists(claimId)", Map.of());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", n(basis.version() + 1));
        values.put(":this", AttributeValue.fromL(List.of(s(payment.claimId()))));
        values.put(":none", AttributeValue.fromL(List.of()));
        values.put(":expires", n(payment.calculatedAt().plus(LEDGER_KEPT).getEpochSecond()));
        if (basis.version() > 0) values.put(":seen", n(basis.version()));
        TransactWriteItem ledger =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(
                                                        key(
                                                                "claimId",
                                                                ledgerKey(payment.appointmentId())))
                                                .updateExpression(
                                                        "SET #version = :next, claimIds ="
                                                                + " list_append(if_not_exists(claimIds,"
                                                                + " :none), :this), expiresAtEpoch ="
                                                                + " :expires")
                                                .conditionExpression(
                                                        basis.version() == 0
                                                                ? "attribute_not_exists(#version)"
                                                                : "#version = :seen")
                                                .expressionAttributeNames(
                                                        Map.of("#version", "version"))
                                                .expressionAttributeValues(values))
                        .build();
        try {
            Transactions.write(client, List.of(record, ledger), null);
            return Recorded.RECORDED;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return Recorded.ALREADY_RECORDED;
            if (Items.conditionFailed(e, 1)) return Recorded.PAID_SINCE;
            throw e;
        }
    }

    /**
     * Reads the partner's payments from the ByAppointment index, which can lag behind a write by a moment, and the
     * partner's ledger item by its key, consistently: a payment the ledger lists and the index does not show yet is read
     * by its key. (One the ledger lists and the retention job has deleted is simply gone.)
     */
    @Override
    public PaidSoFar paidSoFar(String appointmentId) {
        Map<String, AttributeValue> ledger =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("claimId", ledgerKey(appointmentId)))
                                                .consistentRead(true))
                        .item();
        Map<String, PaymentRecord> paid = new java.util.LinkedHashMap<>();
        for (PaymentRecord p : forAppointment(appointmentId)) paid.put(p.claimId(), p);
        long version = 0;
        if (ledger != null && ledger.containsKey("version")) {
            version = Long.parseLong(ledger.get("version").n());
            for (AttributeValue id : ledger.get("claimIds").l())
                if (!paid.containsKey(id.s()))
                    forClaim(id.s()).ifPresent(p -> paid.put(p.claimId(), p));
        }
        return new PaidSoFar(
                paid.values().stream()
                        .sorted(java.util.Comparator.comparing(PaymentRecord::calculatedAt))
                        .toList(),
                version);
    }

    /**
     * The partner's ledger item: the claim ids paid and a version, changed with every payment recorded (so two
     * calculations from the same reading cannot both be recorded). It carries none of the indexes' keys, and DynamoDB
     * deletes it {@link #LEDGER_KEPT} after its last payment (expiresAtEpoch), by when every payment it lists is gone.
     */
    static String ledgerKey(String appointmentId) {
        return "#paid#" + appointmentId;
    }

    /** Longer than a payment record is kept (until 6 years after the tax year after it was calculated at the latest). */
    static final java.time.Duration LEDGER_KEPT = java.time.Duration.ofDays(8 * 366);

    /**
     * SnapStart priming: what recording {@code example} does, recording nothing. It reads the partner's payments and
     * looks the claim up as the calculator does first (reads; {@code example}'s appointment and claim must be ones that
     * are never there), then builds the payment's transaction exactly as {@link #record} does, but through a client
     * over {@link OfflineHttp}, which answers the call itself: it is marshalled and signed, its answer read, and it
     * never leaves the function (no table is written, no capacity used, no failed condition counted).
     *
     * @return whether the write was answered offline (it always is: it never reaches DynamoDB)
     */
    public boolean rehearse(PaymentRecord example) {
        PaidSoFar none = paidSoFar(example.appointmentId());
        forClaim(example.claimId());
        OfflineHttp offline = new OfflineHttp(200, "{}");
        try (DynamoDbClient client = AwsClients.offlineDynamoDb(offline)) {
            record(client, example, none);
        }
        return offline.calls() == 1;
    }

    @Override
    public List<PaymentRecord> export(String exportId, java.time.LocalDate paidBy) {
        // The retention clock from the tax year it is paid in (never earlier than the one it was
        // calculated in).
        Map<String, AttributeValue> clock = DynamoPaymentRetention.clock(paidBy);
        List<Map<String, AttributeValue>> waiting =
                dynamo
                        .queryPaginator(
                                r ->
                                        r.tableName(table)
                                                .indexName("Unexported")
                                                .keyConditionExpression("exportQueue = :w")
                                                .expressionAttributeValues(
                                                        Map.of(":w", s(WAITING))))
                        .items()
                        .stream()
                        .toList();
        // The index is eventually consistent, so the export is the payments this run moved (read
        // from the Unexported
        // index as they were) together with those an earlier run of the same export moved.
        Map<String, PaymentRecord> inExport = new java.util.LinkedHashMap<>();
        dynamo.queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName("ByExport")
                                        .keyConditionExpression("exportId = :e")
                                        .expressionAttributeValues(Map.of(":e", s(exportId))))
                .items()
                .forEach(
                        i -> {
                            PaymentRecord p = Json.read(i.get("data").s(), PaymentRecord.class);
                            inExport.put(p.claimId(), p);
                        });
        for (Map<String, AttributeValue> item : waiting) {
            try {
                dynamo.updateItem(
                        r ->
                                r.tableName(table)
                                        .key(key("claimId", item.get("claimId").s()))
                                        .updateExpression(
                                                "REMOVE exportQueue SET exportId = :e, #from ="
                                                        + " :from")
                                        .conditionExpression("exportQueue = :w")
                                        .expressionAttributeNames(
                                                Map.of("#from", DynamoRetention.RETENTION_FROM))
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":w",
                                                        s(WAITING),
                                                        ":e",
                                                        s(exportId),
                                                        ":from",
                                                        clock.get(
                                                                DynamoRetention.RETENTION_FROM))));
                PaymentRecord p = Json.read(item.get("data").s(), PaymentRecord.class);
                inExport.put(p.claimId(), p);
            } catch (ConditionalCheckFailedException inAnotherExport) {
                // another export took it first: it is in that one, not this
            }
        }
        return inExport.values().stream()
                .sorted(java.util.Comparator.comparing(PaymentRecord::calculatedAt))
                .toList();
    }

    @Override
    public List<PaymentRecord> inExport(String exportId) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName("ByExport")
                                        .keyConditionExpression("exportId = :e")
                                        .expressionAttributeValues(Map.of(":e", s(exportId))))
                .items()
                .stream()
                .map(i -> Json.read(i.get("data").s(), PaymentRecord.class))
                .toList();
    }

    @Override
    public List<PaymentRecord> forAppointment(String appointmentId) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName("ByAppointment")
                                        .keyConditionExpression("appointmentId = :a")
                                        .expressionAttributeValues(Map.of(":a", s(appointmentId))))
                .items()
                .stream()
                .map(i -> Json.read(i.get("data").s(), PaymentRecord.class))
                .toList();
    }

    @Override
    public Optional<PaymentRecord> forClaim(String claimId) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("claimId", claimId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Json.read(item.get("data").s(), PaymentRecord.class));
    }
}
