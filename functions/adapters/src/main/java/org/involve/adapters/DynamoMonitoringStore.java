package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import java.util.Map;
import java.util.stream.Collectors;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Equal-opportunities answers in the MonitoringTable, keyed by the role and a key only the monitoring key can work out
 * from an application ({@code MonitoringKey}). Write-only by design: the form's policy allows PutItem and nothing else,
 * so this class never reads. Answers are a map attribute so the report can count them without parsing. No time is
 * stored: when answers came could be matched to when an application came.
 */
public final class DynamoMonitoringStore implements MonitoringStore {
    static final String ROLE = "roleId", KEY = "answerKey";
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
                                                    ROLE,
                                                    s(response.roleId()),
                                                    KEY,
                                                    s(response.answerKey()),
                                                    "answers",
                                                    AttributeValue.fromM(answers)))
                                    .conditionExpression("attribute_not_exists(#key)")
                                    .expressionAttributeNames(Map.of("#key", KEY)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
