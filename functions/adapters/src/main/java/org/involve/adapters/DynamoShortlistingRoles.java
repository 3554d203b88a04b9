package org.involve.adapters;

import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.selection.ShortlistingRoles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.involve.adapters.DynamoRoleCatalogue.BY_STATUS_AND_CLOSING_TIME;
import static org.involve.adapters.DynamoRoleCatalogue.STATUS;
import static org.involve.adapters.Items.s;

/** The RolesTable as shortlisting reads it: roles in SHORTLISTING from the status index, and one role by id. */
public final class DynamoShortlistingRoles implements ShortlistingRoles {
    private final DynamoDbClient dynamo;
    private final DynamoRoleCatalogue roles;

    public DynamoShortlistingRoles(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.roles = new DynamoRoleCatalogue(dynamo, table);
    }

    @Override
    public List<Role> beingShortlisted() {
        return dynamo.queryPaginator(r -> r.tableName(roles.table()).indexName(BY_STATUS_AND_CLOSING_TIME)
                        .keyConditionExpression("#status = :shortlisting")
                        .expressionAttributeNames(Map.of("#status", STATUS))
                        .expressionAttributeValues(Map.of(":shortlisting", s(RoleStatus.SHORTLISTING.name())))
                        .scanIndexForward(true))
                .items().stream().map(DynamoRoleCatalogue::role).toList();
    }

    @Override
    public Optional<Role> find(String roleId) {
        return roles.find(roleId);
    }
}
