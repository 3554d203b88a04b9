package org.involve.adapters;

import org.involve.core.role.ClosedRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed roles from the RolesTable's ByStatusAndClosingTime index: every SHORTLISTING and FILLED role, and OPEN roles
 * closed by now (a key condition on the closing time, so open roles still taking applications are never read).
 */
public final class DynamoClosedRoles implements ClosedRoles {
    private final DynamoRoleCatalogue roles;

    public DynamoClosedRoles(DynamoDbClient dynamo, String rolesTable) {
        this.roles = new DynamoRoleCatalogue(dynamo, rolesTable);
    }

    @Override
    public List<Role> closedBy(Instant now) {
        List<Role> out = new ArrayList<>();
        out.addAll(roles.withStatus(RoleStatus.OPEN, now));
        out.addAll(roles.withStatus(RoleStatus.SHORTLISTING, null));
        out.addAll(roles.withStatus(RoleStatus.FILLED, null));
        return out;
    }
}
