package org.involve.core.references;

import org.involve.core.role.Role;

import java.util.Optional;

/** Finds a role by id: {@code RoleCatalogue::find} or {@code RoleRecords::find}, whichever the function may read. */
@FunctionalInterface
public interface RoleLookup {
    Optional<Role> find(String roleId);
}
