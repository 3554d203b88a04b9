package org.involve.adapters;

import org.involve.core.ports.ClosedRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.involve.adapters.DynamoRoleCatalogue.BY_STATUS_AND_CLOSING_TIME;
import static org.involve.adapters.DynamoRoleCatalogue.CLOSES_AT;
import static org.involve.adapters.DynamoRoleCatalogue.STATUS;
import static org.involve.adapters.Items.s;
import static org.involve.adapters.Items.time;

/**
 * Closed roles from the RolesTable's ByStatusAndClosingTime index: every SHORTLISTING and FILLED role, and OPEN roles
 * closed by now (a key condition on the closing time, so open roles still taking applications are never read).
 */
public final class DynamoClosedRoles implements ClosedRoles {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoClosedRoles(DynamoDbClient dynamo, String rolesTable) {
        this.dynamo = dynamo;
        this.table = rolesTable;
    }

    @Override
    public List<Role> closedBy(Instant now) {
        List<Role> out = new ArrayList<>();
        out.addAll(query(RoleStatus.OPEN, now));
        out.addAll(query(RoleStatus.SHORTLISTING, null));
        out.addAll(query(RoleStatus.FILLED, null));
        return out;
    }

    private List<Role> query(RoleStatus status, Instant closedBy) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.name())));
        String condition = "#status = :status";
        if (closedBy != null) {
            condition += " AND " + CLOSES_AT + " <= :now";
            values.put(":now", time(closedBy));
        }
        String keyCondition = condition;
        return dynamo.queryPaginator(r -> r.tableName(table).indexName(BY_STATUS_AND_CLOSING_TIME)
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeNames(Map.of("#status", STATUS))
                        .expressionAttributeValues(values))
                .items().stream().map(DynamoRoleCatalogue::role).toList();
    }
}
