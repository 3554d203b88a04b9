package org.involve.core.role;


import java.util.Optional;

/** Finds a role by id: {@code RoleCatalogue::find} or {@code RoleRecords::find}, whichever the function may read. */
@FunctionalInterface
public interface RoleLookup {
    Optional<Role> find(String roleId);
}
