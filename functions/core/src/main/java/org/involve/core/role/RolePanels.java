package org.involve.core.role;

import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;

/** Each role's panel, kept with the role (beside it, so editing the role never changes its panel, nor the other way). */
public interface RolePanels {
    /** The role's panel, empty if none has been chosen (or there is no such role). */
    RolePanel panelOf(String roleId, Read read);

    /**
     * In one transaction: makes the role's panel {@code after} on condition that it is still {@code before} and the role
     * still has {@code status}, appends the audit entry, and writes each message unless one with its id is there
     * already (a member chosen again is not told twice).
     * @throws Roles.ChangedSince if the panel or the role's status changed since they were read; nothing is written
     */
    void choose(
            String roleId,
            RoleStatus status,
            RolePanel before,
            RolePanel after,
            AuditEntry entry,
            List<OutboxMessage> messages);
}
