package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.involve.adapters.internal.Items;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Equal-opportunities answers in the MonitoringTable, keyed by the opaque token alone. Write-only by design:
 * the function's policy allows PutItem and nothing else, so this class never reads. Answers are a map
 * attribute so the report job can count them without parsing.
 * <p>
 * The data protection function alone reads and deletes, one application's answers at a time: today the token is
 * found on the application (through the ApplicationsTable's ByReference index), so only a store made with the
 * applications table can.
 */
public final class DynamoMonitoringStore implements MonitoringStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String applicationsTable;

    public DynamoMonitoringStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    /** A store that can also find an application's answers, for subject access and erasure. */
    public DynamoMonitoringStore(DynamoDbClient dynamo, String table, String applicationsTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.applicationsTable = applicationsTable;
    }

    @Override
    public Optional<MonitoringResponse> answersFor(String roleId, String applicationId) {
        return tokenOf(roleId, applicationId)
                .map(
                        token ->
                                dynamo.getItem(
                                                r ->
                                                        r.tableName(table)
                                                                .key(Items.key("token", token))
                                                                .consistentRead(true))
                                        .item())
                .filter(item -> item != null && !item.isEmpty())
                .map(
                        item -> {
                            Map<String, String> answers = new HashMap<>();
                            item.get("answers").m().forEach((k, v) -> answers.put(k, v.s()));
                            return new MonitoringResponse(
                                    item.get("token").s(),
                                    item.get("roleId").s(),
                                    answers,
                                    Items.time(item, "submittedAt"));
                        });
    }

    @Override
    public void forget(String roleId, String applicationId) {
        tokenOf(roleId, applicationId)
                .ifPresent(
                        token ->
                                dynamo.deleteItem(
                                        r -> r.tableName(table).key(Items.key("token", token))));
    }

    /** The token on the application with this reference for this role (none once the application is erased). */
    private Optional<String> tokenOf(String roleId, String reference) {
        if (applicationsTable == null)
            throw new IllegalStateException(
                    "Only the data protection function finds monitoring answers");
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(applicationsTable)
                                        .indexName(DynamoApplicationStore.BY_REFERENCE)
                                        .keyConditionExpression("#ref = :ref")
                                        .expressionAttributeNames(Map.of("#ref", "reference"))
                                        .expressionAttributeValues(Map.of(":ref", s(reference))))
                .items()
                .stream()
                .filter(item -> roleId.equals(item.get("roleId").s()))
                .map(DynamoApplicationStore::application)
                .map(org.involve.core.application.Application::monitoringToken)
                .filter(t -> t != null && !t.isEmpty())
                .findFirst();
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
