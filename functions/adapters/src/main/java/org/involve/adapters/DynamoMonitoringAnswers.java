package org.involve.adapters;

import static org.involve.adapters.DynamoMonitoringStore.KEY;
import static org.involve.adapters.DynamoMonitoringStore.ROLE;
import static org.involve.adapters.internal.Items.s;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.monitoring.MonitoringKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads equal-opportunities answers back, for the equality report and data-protection work only (their functions alone
 * may read the MonitoringTable and hold the monitoring key). A role's answers are one Query on its partition.
 */
public final class DynamoMonitoringAnswers implements MonitoringAnswers {
    private final DynamoDbClient dynamo;
    private final String table;
    private final MonitoringKey keys;

    public DynamoMonitoringAnswers(DynamoDbClient dynamo, String table, MonitoringKey keys) {
        this.dynamo = dynamo;
        this.table = table;
        this.keys = keys;
    }

    @Override
    public Map<String, Map<String, String>> forRole(String roleId) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .keyConditionExpression("#role = :role")
                                        .expressionAttributeNames(Map.of("#role", ROLE))
                                        .expressionAttributeValues(Map.of(":role", s(roleId)))
                                        .consistentRead(true))
                .items()
                .stream()
                .filter(item -> !DynamoMonitoringRetention.GONE.equals(item.get(KEY).s()))
                .forEach(item -> out.put(item.get(KEY).s(), answers(item)));
        return out;
    }

    @Override
    public Optional<LocalDate> deletedOn(String roleId) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(
                                                        Map.of(
                                                                ROLE,
                                                                s(roleId),
                                                                KEY,
                                                                s(DynamoMonitoringRetention.GONE)))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(LocalDate.parse(item.get(DynamoMonitoringRetention.DELETED_ON).s()));
    }

    @Override
    public Optional<Map<String, String>> answersFor(String roleId, String applicationId) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key(roleId, applicationId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(answers(item));
    }

    @Override
    public boolean forget(String roleId, String applicationId) {
        Map<String, AttributeValue> old =
                dynamo.deleteItem(
                                r ->
                                        r.tableName(table)
                                                .key(key(roleId, applicationId))
                                                .returnValues("ALL_OLD"))
                        .attributes();
        return old != null && !old.isEmpty();
    }

    private Map<String, AttributeValue> key(String roleId, String applicationId) {
        return Map.of(ROLE, s(roleId), KEY, s(keys.forApplication(roleId, applicationId)));
    }

    private static Map<String, String> answers(Map<String, AttributeValue> item) {
        Map<String, String> answers = new HashMap<>();
        item.get("answers").m().forEach((k, v) -> answers.put(k, v.s()));
        return Map.copyOf(answers);
    }
}
