package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.util.Map;
import java.util.stream.Collectors;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Equal-opportunities answers in the MonitoringTable, keyed by the opaque token alone. Write-only by design:
 * the function's policy allows PutItem and nothing else, so this class never reads. Answers are a map
 * attribute so the report job can count them without parsing.
 */
public final class DynamoMonitoringStore implements MonitoringStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMonitoringStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean record(MonitoringResponse response) {
        Map<String, AttributeValue> answers =
                response.answers().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())));
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(
                                            Map.of(
                                                    "token", s(response.token()),
                                                    "roleId", s(response.roleId()),
                                                    "answers", AttributeValue.fromM(answers),
                                                    "submittedAt", time(response.submittedAt())))
                                    .conditionExpression("attribute_not_exists(#token)")
                                    .expressionAttributeNames(Map.of("#token", "token")));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
