package org.involve.core.role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * Where roles are kept: the one port of the role aggregate. A use case takes the narrowest view of it that it
 * needs ({@link RoleReader}, {@link RoleEditor}, {@link RolesForClosing}), and every read of one role says which
 * copy it needs ({@link org.involve.core.kit.Read}), so that choice is made where it matters, not by which port was picked.
 * Lists come from the status index, which always lags a moment behind a write.
 */
public interface Roles extends RoleEditor, RolesForClosing {

    /**
     * One role closing: what the closing job writes together. {@code messages}: "ready for scoring" to each member of
     * the role's panel, or to the team that a panel must be chosen.
     */
    record Closing(
            String roleId,
            LocalDate closingDate,
            Instant closedAt,
            List<OutboxMessage> messages,
            AuditEntry audit) {
        public Closing {
            messages = List.copyOf(messages);
        }
    }

    /** The role changed between reading it and saving the change. */
    final class ChangedSince extends RuntimeException {
        public ChangedSince(String roleId) {
            super("Role " + roleId + " changed since it was read");
        }
    }
}
