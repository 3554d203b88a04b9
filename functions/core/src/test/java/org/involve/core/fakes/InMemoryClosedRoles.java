package org.involve.core.fakes;

import org.involve.core.role.ClosedRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;

import java.time.Instant;
import java.util.List;

/** Closed roles read from the in-memory role records, as the status index would give them. */
public final class InMemoryClosedRoles implements ClosedRoles {
    private final InMemoryRoleRecords roles;

    public InMemoryClosedRoles(InMemoryRoleRecords roles) {
        this.roles = roles;
    }

    @Override
    public List<Role> closedBy(Instant now) {
        return roles.all().stream().filter(r -> r.status() == RoleStatus.SHORTLISTING || r.status() == RoleStatus.FILLED
                || (r.status() == RoleStatus.OPEN && !r.closingTime().isOpenAt(now))).toList();
    }
}
