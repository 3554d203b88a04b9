package org.involve.core.fakes;

import org.involve.core.audit.AuditEntry;
import org.involve.core.role.Role;
import org.involve.core.role.RoleRecords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Roles and their audit entries in memory, each change landing with its entry or not at all, as in DynamoDB. */
public final class InMemoryRoleRecords implements RoleRecords {
    public final Map<String, Role> roles = new LinkedHashMap<>();
    public final Map<String, Integer> applications = new LinkedHashMap<>();
    public final List<AuditEntry> audit = new ArrayList<>();

    @Override
    public synchronized List<Role> all() {
        return List.copyOf(roles.values());
    }

    @Override
    public synchronized Optional<Role> find(String roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }

    @Override
    public synchronized int applicationCount(String roleId) {
        return applications.getOrDefault(roleId, 0);
    }

    @Override
    public synchronized boolean create(Role role, AuditEntry entry) {
        if (roles.containsKey(role.id())) return false;
        roles.put(role.id(), role);
        audit.add(entry);
        return true;
    }

    @Override
    public synchronized void replace(Role before, Role after, AuditEntry entry) {
        if (!before.equals(roles.get(before.id()))) throw new ChangedSince(before.id());
        roles.put(after.id(), after);
        audit.add(entry);
    }
}
