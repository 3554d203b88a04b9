package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Json;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The PaymentsTable: one item per approved claim, keyed by the claim's id and put on condition that none exists, so
 * however often a claim is delivered, and by however many consumers at once, one payment is recorded. A payment not
 * yet in a payroll export carries {@code exportQueue}, which puts it in the sparse Unexported index (by calculatedAt)
 * that the monthly export reads.
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
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("claimId", s(payment.claimId()));
        item.put("appointmentId", s(payment.appointmentId()));
        item.put("calculatedAt", time(payment.calculatedAt()));
        item.put("exportQueue", s(WAITING));
        item.put("data", s(Json.write(payment)));
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item)
                                    .conditionExpression("attribute_not_exists(claimId)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
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
