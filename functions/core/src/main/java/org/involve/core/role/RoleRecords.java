package org.involve.core.role;

import org.involve.core.audit.AuditEntry;

import java.util.List;
import java.util.Optional;

/**
 * Roles as staff manage them: every role whatever its status, how many applications each has, and changes that land
 * together with their audit entry or not at all.
 */
public interface RoleRecords {
    /** Every role, whatever its status. Found through the status index, never by reading the whole table. */
    List<Role> all();

    Optional<Role> find(String roleId);

    /** How many applications the role has (counted, not read). */
    int applicationCount(String roleId);

    /** Adds a new role with its audit entry; false, and nothing written, if a role already has its id. */
    boolean create(Role role, AuditEntry entry);

    /**
     * Makes the stored role {@code after}, with its audit entry, only if it is still exactly {@code before}:
     * otherwise (someone else, or the closing job, changed it since it was read) nothing is written.
     */
    void replace(Role before, Role after, AuditEntry entry) throws ChangedSince;

    /** The role changed between reading it and saving the change. */
    final class ChangedSince extends RuntimeException {
        public ChangedSince(String roleId) {
            super("Role " + roleId + " changed since it was read");
        }
    }
}
