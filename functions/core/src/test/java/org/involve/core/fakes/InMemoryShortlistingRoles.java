package org.involve.core.fakes;

import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.ShortlistingRoles;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Roles by id, listed as the status index lists them. */
public final class InMemoryShortlistingRoles implements ShortlistingRoles {
    public final Map<String, Role> roles = new ConcurrentHashMap<>();

    public Role save(Role role) {
        roles.put(role.id(), role);
        return role;
    }

    @Override
    public List<Role> beingShortlisted() {
        return roles.values().stream().filter(r -> r.status() == RoleStatus.SHORTLISTING)
                .sorted(Comparator.comparing((Role r) -> r.closingTime().instant()).thenComparing(Role::id)).toList();
    }

    @Override
    public Optional<Role> find(String roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }
}
