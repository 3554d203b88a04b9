package org.involve.core.fakes;

import org.involve.core.role.Role;
import org.involve.core.role.RoleCatalogue;
import org.involve.core.role.RoleStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryRoles implements RoleCatalogue {
    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    @Override
    public Optional<Role> find(String roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }

    @Override
    public List<Role> published() {
        return roles.values().stream().filter(r -> r.status() == RoleStatus.OPEN)
                .sorted(Comparator.comparing(r -> r.closingTime().instant())).toList();
    }

    @Override
    public void save(Role role) {
        roles.put(role.id(), role);
    }
}
