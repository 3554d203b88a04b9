package org.involve.adapters;

import org.involve.core.ports.RoleCatalogue;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRoleCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Role> find(String roleId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("roleId", roleId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(role(item));
    }

    @Override
    public List<Role> published() {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(BY_STATUS_AND_CLOSING_TIME)
                .keyConditionExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":open", s(RoleStatus.OPEN.name())))
                .scanIndexForward(true)
                .build();
        return dynamo.queryPaginator(query).items().stream().map(DynamoRoleCatalogue::role).toList();
    }

    @Override
    public void save(Role role) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                "roleId", s(role.id()),
                "status", s(role.status().name()),
                "closesAt", time(role.closingTime().instant()),
                "data", s(Json.write(role)))));
    }

    private static Role role(Map<String, AttributeValue> item) {
        return Json.read(item.get("data").s(), Role.class);
    }
}
