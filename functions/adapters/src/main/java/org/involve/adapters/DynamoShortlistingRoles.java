package org.involve.adapters;

import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.ShortlistingRoles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Optional;

/** The RolesTable as shortlisting reads it: roles in SHORTLISTING from the status index, and one role by id. */
public final class DynamoShortlistingRoles implements ShortlistingRoles {
    private final DynamoRoleCatalogue roles;

    public DynamoShortlistingRoles(DynamoDbClient dynamo, String table) {
        this.roles = new DynamoRoleCatalogue(dynamo, table);
    }

    @Override
    public List<Role> beingShortlisted() {
        return roles.withStatus(RoleStatus.SHORTLISTING, null);
    }

    @Override
    public Optional<Role> find(String roleId) {
        return roles.find(roleId);
    }
}
