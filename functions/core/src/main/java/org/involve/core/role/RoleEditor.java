package org.involve.core.role;

import org.involve.core.audit.AuditEntry;

/** Staff's changes to roles, each landing together with its audit entry or not at all. */
public interface RoleEditor extends RoleReader {
    /** Adds a new role with its audit entry; false, and nothing written, if a role already has its id. */
    boolean create(Role role, AuditEntry entry);

    /**
     * Makes the stored role {@code after}, with its audit entry, only if it is still exactly {@code before}:
     * otherwise (someone else, or the closing job, changed it since it was read) nothing is written.
     */
    void replace(Role before, Role after, AuditEntry entry) throws Roles.ChangedSince;
}
