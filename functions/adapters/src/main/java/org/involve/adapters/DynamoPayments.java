package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Json;
import org.involve.adapters.internal.OfflineHttp;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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
    public boolean recordOnce(PaymentRecord payment) {
        return recordOnce(dynamo, payment);
    }

    private boolean recordOnce(DynamoDbClient client, PaymentRecord payment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("claimId", s(payment.claimId()));
        item.put("appointmentId", s(payment.appointmentId()));
        item.put("calculatedAt", time(payment.calculatedAt()));
        item.put("exportQueue", s(WAITING));
        item.put("data", s(Json.write(payment)));
        // Kept as long as tax law needs: the retention job finds it when that period has ended.
        item.putAll(DynamoPaymentRetention.clock(payment.calculatedAt()));
        try {
            client.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item)
                                    .conditionExpression("attribute_not_exists(claimId)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    /**
     * SnapStart priming: what recording {@code example} does, recording nothing. It looks the claim up as the
     * calculator does first (a read; {@code example}'s claim id must be one that is never there), then builds the
     * payment's item and conditional put exactly as {@link #recordOnce} does, but through a client over {@link
     * OfflineHttp}, which answers the call itself: the put is marshalled and signed, its answer read, and it never
     * leaves the function (no table is written, no capacity used, no failed condition counted).
     *
     * @return whether the put was answered offline (it always is: it never reaches DynamoDB)
     */
    public boolean rehearse(PaymentRecord example) {
        forClaim(example.claimId());
        OfflineHttp offline = new OfflineHttp(200, "{}");
        try (DynamoDbClient client = AwsClients.offlineDynamoDb(offline)) {
            recordOnce(client, example);
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
