package org.involve.adapters;

import static org.involve.adapters.DynamoMonitoringStore.KEY;
import static org.involve.adapters.DynamoMonitoringStore.ROLE;
import static org.involve.adapters.DynamoRetention.INDEX;
import static org.involve.adapters.DynamoRetention.RETENTION;
import static org.involve.adapters.DynamoRetention.RETENTION_FROM;
import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Retention;
import org.involve.core.retention.MonitoringRetention;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Deletes a role's equal-opportunities answers when they are due, without the monitoring key and without reading an
 * answer. {@link DynamoRoles} starts the clock when a role's round is over (FILLED or WITHDRAWN): {@code retention} =
 * {@value #ROUND_OVER} and {@code retentionFrom} the UK day, on the role's item, the keys of the RolesTable's sparse
 * {@value DynamoRetention#INDEX} index. The job queries that index up to the last due day, queries the role's
 * partition of the MonitoringTable for its keys only (a projection of {@code roleId} and {@code answerKey}), deletes
 * each item by its key, then in one transaction with the audit entry puts a marker in the partition ({@value #GONE},
 * with the day) for the equality report and takes the role off the index, on condition its clock still started on or
 * before the day asked for. A run that stops half way leaves the role in the index, and the next run finishes it.
 */
public final class DynamoMonitoringRetention implements MonitoringRetention {
    static final String ROUND_OVER = "ROUND_OVER";

    /**
     * The marker's answer key: never a key the monitoring key makes (those are hexadecimal), so no answer can be
     * mistaken for it.
     */
    public static final String GONE = "#deleted";

    public static final String DELETED_ON = "deletedOn";

    private final DynamoDbClient dynamo;
    private final String roles, monitoring;
    private final DynamoAuditTrail audit;

    public DynamoMonitoringRetention(
            DynamoDbClient dynamo,
            String rolesTable,
            String monitoringTable,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.roles = rolesTable;
        this.monitoring = monitoringTable;
        this.audit = audit;
    }

    /**
     * A transaction's check that the role's answers have not been deleted (no {@value #GONE} marker in its partition):
     * the monitoring form's writes carry it, so answers given after the job deleted the role's answers are refused,
     * not kept without a clock. It names the marker's key alone, so it reads nothing of any answer.
     */
    static TransactWriteItem answersNotDeleted(String monitoringTable, String roleId) {
        return TransactWriteItem.builder()
                .conditionCheck(
                        c ->
                                c.tableName(monitoringTable)
                                        .key(Map.of(ROLE, s(roleId), KEY, s(GONE)))
                                        .conditionExpression("attribute_not_exists(#key)")
                                        .expressionAttributeNames(Map.of("#key", KEY)))
                .build();
    }

    /** What a step that ends a role's round adds to the role's item, as of {@code now}. */
    static Map<String, AttributeValue> roundOver(Instant now) {
        return Map.of(
                RETENTION, s(ROUND_OVER), RETENTION_FROM, s(Retention.startDay(now).toString()));
    }

    @Override
    public List<String> rolesDue(LocalDate lastStartDay, int limit) {
        if (limit < 1) return List.of();
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(roles)
                        .indexName(INDEX)
                        .keyConditionExpression("#kind = :kind AND #from <= :last")
                        .expressionAttributeNames(
                                Map.of("#kind", RETENTION, "#from", RETENTION_FROM))
                        .expressionAttributeValues(
                                Map.of(":kind", s(ROUND_OVER), ":last", s(lastStartDay.toString())))
                        .limit(limit)
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .limit(limit)
                .map(item -> Items.string(item, DynamoRoles.ROLE_ID))
                .toList();
    }

    @Override
    public boolean deleteAnswers(
            String roleId, LocalDate lastStartDay, LocalDate today, AuditEntry entry) {
        QueryRequest keysOnly =
                QueryRequest.builder()
                        .tableName(monitoring)
                        .keyConditionExpression("#role = :role")
                        .select(Select.SPECIFIC_ATTRIBUTES)
                        .projectionExpression("#role, #key")
                        .expressionAttributeNames(Map.of("#role", ROLE, "#key", KEY))
                        .expressionAttributeValues(Map.of(":role", s(roleId)))
                        .build();
        dynamo.queryPaginator(keysOnly).items().stream()
                .filter(item -> !GONE.equals(item.get(KEY).s()))
                .forEach(
                        item ->
                                dynamo.deleteItem(
                                        d ->
                                                d.tableName(monitoring)
                                                        .key(
                                                                Map.of(
                                                                        ROLE,
                                                                        item.get(ROLE),
                                                                        KEY,
                                                                        item.get(KEY)))));
        TransactWriteItem offTheIndex =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(roles)
                                                .key(key(DynamoRoles.ROLE_ID, roleId))
                                                .updateExpression("REMOVE #kind, #from")
                                                .conditionExpression(
                                                        "#kind = :kind AND #from <= :last")
                                                .expressionAttributeNames(
                                                        Map.of(
                                                                "#kind",
                                                                RETENTION,
                                                                "#from",
                                                                RETENTION_FROM))
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":kind",
                                                                s(ROUND_OVER),
                                                                ":last",
                                                                s(lastStartDay.toString()))))
                        .build();
        TransactWriteItem marker =
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(monitoring)
                                                .item(
                                                        Map.of(
                                                                ROLE,
                                                                s(roleId),
                                                                KEY,
                                                                s(GONE),
                                                                DELETED_ON,
                                                                s(today.toString()))))
                        .build();
        try {
            Transactions.write(dynamo, List.of(offTheIndex, marker, audit.putNew(entry)), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return false;
            throw e;
        }
    }
}
