package org.involve.adapters;

import org.involve.core.role.RoleCatalogue;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.involve.adapters.Items.key;
import static org.involve.adapters.Items.s;
import static org.involve.adapters.Items.time;

/**
 * Roles in the RolesTable. The role itself is JSON in {@code data}; {@code status} and {@code closesAt} are
 * copied out beside it so the ByStatusAndClosingTime index can list open roles by closing time.
 */
public final class DynamoRoleCatalogue implements RoleCatalogue {
    static final String BY_STATUS_AND_CLOSING_TIME = "ByStatusAndClosingTime";
    static final String ROLE_ID = "roleId", STATUS = "status", CLOSES_AT = "closesAt", DATA = "data";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRoleCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Role> find(String roleId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(ROLE_ID, roleId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(role(item));
    }

    @Override
    public List<Role> published() {
        return withStatus(RoleStatus.OPEN, null);
    }

    /**
     * Every role with the status, soonest closing first, from the ByStatusAndClosingTime index (a query, never a scan);
     * with {@code closedBy}, only those whose closing time is at or before it.
     */
    List<Role> withStatus(RoleStatus status, Instant closedBy) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.name())));
        String condition = "#status = :status";
        if (closedBy != null) {
            condition += " AND " + CLOSES_AT + " <= :closedBy";
            values.put(":closedBy", time(closedBy));
        }
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(BY_STATUS_AND_CLOSING_TIME)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(values)
                .scanIndexForward(true)
                .build();
        return dynamo.queryPaginator(query).items().stream().map(DynamoRoleCatalogue::role).toList();
    }

    @Override
    public void save(Role role) {
        dynamo.putItem(r -> r.tableName(table).item(item(role)));
    }

    /** The stored item as it is now (a consistent read), or an empty map if there is no such role. */
    Map<String, AttributeValue> readConsistently(String roleId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(ROLE_ID, roleId)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /**
     * Makes the stored role {@code next}, on condition that its item is still exactly as {@code read}: the same JSON
     * (so no edit made since is lost), and so the same status and closing date the caller checked. An update of every
     * attribute of {@link #item}, so the copies beside the JSON always agree with it and nothing else on the item is touched.
     */
    TransactWriteItem replaceIfUnchanged(Role next, Map<String, AttributeValue> read) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var a : item(next).entrySet()) {
            if (a.getKey().equals(ROLE_ID)) continue;
            names.put("#a" + i, a.getKey());
            values.put(":a" + i, a.getValue());
            sets.add("#a" + i + " = :a" + i);
            i++;
        }
        List<String> unchanged = new ArrayList<>();
        for (String attribute : List.of(DATA, STATUS, CLOSES_AT)) {
            String name = "#w" + unchanged.size(), value = ":w" + unchanged.size();
            names.put(name, attribute);
            if (read.get(attribute) == null) {
                unchanged.add("attribute_not_exists(" + name + ")");
            } else {
                values.put(value, read.get(attribute));
                unchanged.add(name + " = " + value);
            }
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(ROLE_ID, next.id()))
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression(String.join(" AND ", unchanged))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    String table() {
        return table;
    }

    /**
     * The one mapping of a role to its item: the role as JSON in {@code data}, with {@code status} and
     * {@code closesAt} (the closing instant in the fixed-width sortable form) copied beside it for the index.
     */
    static Map<String, AttributeValue> item(Role role) {
        return Map.of(
                ROLE_ID, s(role.id()),
                STATUS, s(role.status().name()),
                CLOSES_AT, time(role.closingTime().instant()),
                DATA, s(Json.write(role)));
    }

    static Role role(Map<String, AttributeValue> item) {
        return Json.read(item.get(DATA).s(), Role.class);
    }
}
