package org.involve.adapters;

import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.adapters.internal.Transactions;
import org.involve.core.role.ApplicationCounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Each role's number of applications, kept as applications are stored and deleted: one item per role in the
 * ApplicationsTable, under a partition key no role has ({@value #PARTITION}; sort key {@value #PREFIX} and the role
 * id), holding {@value #APPLICATIONS}. So no query of a role's applications (by its key) returns it, no index holds
 * it but ByApplicant (under a key no applicant key can be), and no write of an application or a role touches it.
 * <p>
 * Every transaction that stores an application adds 1 to its role's count ({@link #added}), every one that deletes
 * an application takes 1 away ({@link #removed}): the count changes exactly when the application does, so a refused
 * or repeated submission (the same transaction's token) leaves it as it was.
 * <p>
 * A role whose applications were stored before the count was kept (or that has none yet) has no item marked
 * {@value #COUNTED}: the first read counts its applications once (a COUNT query) and keeps that, on condition the
 * count did not change meanwhile; from then on a read is one GetItem, whatever the number of applications.
 */
final class DynamoApplicationCounts implements ApplicationCounts {
    static final String PARTITION = "#counts", PREFIX = "count#";
    static final String APPLICATIONS = "applications", COUNTED = "counted";

    /** The table's sort key, which holds {@value #PREFIX} and the role id. */
    static final String SORT_KEY = "applicantKey";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoApplicationCounts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String roleId) {
        return DynamoApplicationStore.key(PARTITION, PREFIX + roleId);
    }

    /** The role whose count item (or its {@link #key}) this is. */
    static String roleIdOf(Map<String, AttributeValue> item) {
        return item.get(SORT_KEY).s().substring(PREFIX.length());
    }

    /** One more application of the role, in the transaction that stores it. */
    static TransactWriteItem added(String table, String roleId) {
        return change(table, roleId, 1);
    }

    /** One application of the role fewer, in the transaction that deletes it. */
    static TransactWriteItem removed(String table, String roleId) {
        return change(table, roleId, -1);
    }

    /**
     * Deleting the application at {@code key} (its role's and applicant's keys) with one fewer in its role's count, in
     * one transaction: the delete only if it is still there, so an erasure or retention run again after one cut short
     * never takes it from the count twice (the transaction is refused instead).
     */
    static List<TransactWriteItem> deleted(String table, Map<String, AttributeValue> key) {
        TransactWriteItem delete =
                TransactWriteItem.builder()
                        .delete(
                                d ->
                                        d.tableName(table)
                                                .key(key)
                                                .conditionExpression("attribute_exists(roleId)"))
                        .build();
        return List.of(delete, removed(table, key.get("roleId").s()));
    }

    private static TransactWriteItem change(String table, String roleId, int by) {
        return TransactWriteItem.builder()
                .update(
                        u ->
                                u.tableName(table)
                                        .key(key(roleId))
                                        .updateExpression("ADD #n :by")
                                        .expressionAttributeNames(Map.of("#n", APPLICATIONS))
                                        .expressionAttributeValues(Map.of(":by", n(by))))
                .build();
    }

    @Override
    public int of(String roleId) {
        return count(roleId, read(roleId));
    }

    private Map<String, AttributeValue> read(String roleId) {
        return dynamo.getItem(r -> r.tableName(table).key(key(roleId)).consistentRead(true)).item();
    }

    /** The role's count from its item as just read (null or empty: none), counting it once if it is not yet. */
    private int count(String roleId, Map<String, AttributeValue> item) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (attempt > 0) item = read(roleId);
            AttributeValue kept = item == null ? null : item.get(APPLICATIONS);
            if (item != null && item.containsKey(COUNTED)) return Integer.parseInt(kept.n());
            long counted = countOnce(roleId, kept);
            // A role with no application and no count yet keeps nothing: reading writes nothing
            // (SnapStart priming reads every list), and its first application starts the count.
            if (counted == 0 && (item == null || item.isEmpty())) return 0;
        }
        throw new IllegalStateException("The applications of a role kept changing while counted");
    }

    /** Keys in one BatchGetItem call, DynamoDB's limit. */
    static final int BATCH = 100;

    /**
     * The roles' kept counts in one BatchGetItem call per 100 roles (consistent, as {@link #of} reads), instead of one
     * GetItem each. Keys DynamoDB leaves unprocessed (under load, or past its 16 MB answer) are asked for again after a
     * growing pause; a role still unread after that is read by {@link #of}, and one not counted yet (no item, or one
     * not marked counted) is counted once as {@link #of} counts it, without reading its item again.
     */
    @Override
    public Map<String, Integer> ofEach(Collection<String> roleIds) {
        List<String> ids = roleIds.stream().distinct().toList();
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        Set<String> unread = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys =
                    ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
                            .map(DynamoApplicationCounts::key)
                            .toList();
            Map<String, KeysAndAttributes> asked =
                    Map.of(
                            table,
                            KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 1; !asked.isEmpty() && attempt <= Transactions.ATTEMPTS; attempt++) {
                if (attempt > 1) Transactions.pause(attempt - 1);
                Map<String, KeysAndAttributes> now = asked;
                BatchGetItemResponse got = dynamo.batchGetItem(b -> b.requestItems(now));
                for (Map<String, AttributeValue> item :
                        got.responses().getOrDefault(table, List.of()))
                    items.put(roleIdOf(item), item);
                asked = got.hasUnprocessedKeys() ? got.unprocessedKeys() : Map.of();
            }
            if (!asked.isEmpty())
                asked.get(table).keys().stream()
                        .map(DynamoApplicationCounts::roleIdOf)
                        .forEach(unread::add);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String id : ids)
            counts.put(id, unread.contains(id) ? of(id) : count(id, items.get(id)));
        return counts;
    }

    /**
     * Counts the role's applications (a COUNT query on its key, consistent) and keeps the number, marked counted, on
     * condition the kept count is still {@code seen}: an application stored or deleted between the two reads changes
     * it (or another reader counted it first), and the next read looks again. A role with no count item and no
     * application is not written.
     */
    private long countOnce(String roleId, AttributeValue seen) {
        QueryRequest count =
                QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("roleId = :role")
                        .expressionAttributeValues(Map.of(":role", s(roleId)))
                        .select(Select.COUNT)
                        .consistentRead(true)
                        .build();
        long total = 0;
        for (var page : dynamo.queryPaginator(count)) total += page.count();
        if (total == 0 && seen == null) return 0;
        Map<String, String> names = Map.of("#n", APPLICATIONS, "#c", COUNTED);
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":total", n(total), ":yes", AttributeValue.fromBool(true)));
        String unchanged;
        if (seen == null) unchanged = "attribute_not_exists(#n)";
        else {
            unchanged = "#n = :seen";
            values.put(":seen", seen);
        }
        try {
            dynamo.updateItem(
                    u ->
                            u.tableName(table)
                                    .key(key(roleId))
                                    .updateExpression("SET #n = :total, #c = :yes")
                                    .conditionExpression(
                                            "attribute_not_exists(#c) AND " + unchanged)
                                    .expressionAttributeNames(names)
                                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            // Counted by another reader, or an application came or went: read again.
        }
        return total;
    }
}
