package org.involve.core.fakes;

import org.involve.core.shortlisting.DueRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.shortlisting.ClosingRun;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Roles by id, with the closing job's conditional move: the role, the panel e-mail and the audit entry are
 * written together, and only if the role is still OPEN with the closing date that was read.
 */
public final class InMemoryDueRoles implements DueRoles {
    public final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final InMemoryOutboxWriter outbox;
    private final InMemoryAuditTrail audit;
    /** What the next query returns instead of the stored roles, to stand for an index that lags behind. */
    public List<Role> staleIndex;

    public InMemoryDueRoles(InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.outbox = new InMemoryOutboxWriter(outbox);
        this.audit = audit;
    }

    public void save(Role role) {
        roles.put(role.id(), role);
    }

    @Override
    public List<Role> openAndDueBy(Instant now) {
        if (staleIndex != null) return staleIndex;
        return roles.values().stream()
                .filter(r -> r.status() == RoleStatus.OPEN && !r.closingTime().instant().isAfter(now))
                .sorted(Comparator.comparing(r -> r.closingTime().instant()))
                .toList();
    }

    @Override
    public synchronized boolean moveToShortlisting(ClosingRun.Closing closing) {
        Role r = roles.get(closing.roleId());
        if (r == null || r.status() != RoleStatus.OPEN || !r.closingDate().equals(closing.closingDate())) return false;
        roles.put(r.id(), r.withStatus(RoleStatus.SHORTLISTING));
        outbox.addOnce(closing.panelMessage());
        audit.append(closing.audit());
        return true;
    }
}
