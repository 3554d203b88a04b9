package org.involve.core.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.ApplicationCounts;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;

/**
 * Roles in memory, as DynamoDB keeps them: each change lands with its audit entry or not at all, and the closing
 * job's move writes the role, the panel e-mail and the audit entry together, only if the role is still OPEN with
 * the closing date that was read. Lists are ordered as the status index orders them.
 */
public final class InMemoryRoles implements Roles, RolePanels, ApplicationCounts {
    public final Map<String, Role> roles = new LinkedHashMap<>();

    /** Each role's panel, kept beside it as the roles table keeps it. */
    public final Map<String, RolePanel> panels = new LinkedHashMap<>();

    /** Applications per role, as the applications table would count them. */
    public final Map<String, Integer> applications = new LinkedHashMap<>();

    /** Every audit entry written with a role change, in order (also appended to the shared trail). */
    public final List<AuditEntry> audit = new ArrayList<>();

    /** What the next closing-job query returns instead of the stored roles, to stand for an index that lags behind. */
    public List<Role> staleIndex;

    private final InMemoryOutboxWriter outbox;
    private final InMemoryAuditTrail trail;

    public InMemoryRoles() {
        this(new InMemoryOutbox(), new InMemoryAuditTrail());
    }

    /** Roles whose closing job writes its panel e-mails into {@code outbox} and its entries into {@code trail}. */
    public InMemoryRoles(InMemoryOutbox outbox, InMemoryAuditTrail trail) {
        this.outbox = new InMemoryOutboxWriter(outbox);
        this.trail = trail;
    }

    /** Puts the role as it is, as seeding a table would. */
    public synchronized Role save(Role role) {
        roles.put(role.id(), role);
        return role;
    }

    private int finds;

    @Override
    public synchronized Optional<Role> find(String roleId, Read read) {
        finds++;
        return Optional.ofNullable(roles.get(roleId));
    }

    /** How many times a role has been read by its id, for tests of what a request costs. */
    public synchronized int finds() {
        return finds;
    }

    @Override
    public synchronized List<Role> published() {
        return withStatus(RoleStatus.OPEN);
    }

    @Override
    public synchronized List<Role> beingShortlisted() {
        return withStatus(RoleStatus.SHORTLISTING);
    }

    @Override
    public synchronized List<Role> closedBy(Instant now) {
        return roles.values().stream()
                .filter(
                        r ->
                                r.status() == RoleStatus.SHORTLISTING
                                        || r.status() == RoleStatus.FILLED
                                        || (r.status() == RoleStatus.OPEN
                                                && !r.closingTime().isOpenAt(now)))
                .toList();
    }

    @Override
    public synchronized List<Role> all() {
        return List.copyOf(roles.values());
    }

    @Override
    public synchronized int of(String roleId) {
        return applications.getOrDefault(roleId, 0);
    }

    @Override
    public synchronized boolean create(Role role, AuditEntry entry) {
        if (roles.containsKey(role.id())) return false;
        roles.put(role.id(), role);
        audited(entry);
        return true;
    }

    @Override
    public synchronized void replace(Role before, Role after, AuditEntry entry) {
        if (!before.equals(roles.get(before.id()))) throw new ChangedSince(before.id());
        roles.put(after.id(), after);
        audited(entry);
    }

    @Override
    public synchronized List<Role> openAndDueBy(Instant now) {
        if (staleIndex != null) return staleIndex;
        return roles.values().stream()
                .filter(
                        r ->
                                r.status() == RoleStatus.OPEN
                                        && !r.closingTime().instant().isAfter(now))
                .sorted(Comparator.comparing(r -> r.closingTime().instant()))
                .toList();
    }

    @Override
    public synchronized boolean moveToShortlisting(Closing closing) {
        Role r = roles.get(closing.roleId());
        if (r == null
                || r.status() != RoleStatus.OPEN
                || !r.closingDate().equals(closing.closingDate())) return false;
        roles.put(r.id(), r.withStatus(RoleStatus.SHORTLISTING));
        closing.messages().forEach(outbox::addOnce);
        audited(closing.audit());
        return true;
    }

    /** Puts the role's panel as it is, as seeding a table would. */
    public synchronized RolePanel panel(String roleId, StaffMember... members) {
        RolePanel p = new RolePanel(java.util.Arrays.stream(members).map(PanelMember::of).toList());
        panels.put(roleId, p);
        return p;
    }

    @Override
    public synchronized RolePanel panelOf(String roleId, Read read) {
        return panels.getOrDefault(roleId, RolePanel.none());
    }

    @Override
    public synchronized void choose(
            String roleId,
            RoleStatus status,
            RolePanel before,
            RolePanel after,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        Role r = roles.get(roleId);
        if (r == null || r.status() != status || !panelOf(roleId, Read.CONSISTENT).equals(before))
            throw new ChangedSince(roleId);
        panels.put(roleId, after);
        messages.forEach(outbox::addOnce);
        audited(entry);
    }

    private List<Role> withStatus(RoleStatus status) {
        return roles.values().stream()
                .filter(r -> r.status() == status)
                .sorted(
                        Comparator.comparing((Role r) -> r.closingTime().instant())
                                .thenComparing(Role::id))
                .toList();
    }

    private void audited(AuditEntry entry) {
        audit.add(entry);
        trail.append(entry);
    }
}
