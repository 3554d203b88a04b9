package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.impact.ImpactEntry;
import org.involve.core.impact.Impacts;
import org.involve.core.outbox.OutboxMessage;

/** Impact entries in memory, writing audit and outbox as the adapter's transactions do. */
public final class InMemoryImpacts implements Impacts {
    public final Map<String, ImpactEntry> entries = new LinkedHashMap<>();
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryImpacts(InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public synchronized Optional<ImpactEntry> find(String entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    @Override
    public synchronized List<ImpactEntry> forRole(String roleId) {
        return entries.values().stream()
                .filter(e -> e.roleId().equals(roleId))
                .sorted(Comparator.comparing(ImpactEntry::day).reversed())
                .toList();
    }

    @Override
    public synchronized List<ImpactEntry> between(String roleId, LocalDate from, LocalDate to) {
        return entries.values().stream()
                .filter(e -> e.roleId().equals(roleId))
                .filter(e -> !e.day().isBefore(from) && !e.day().isAfter(to))
                .sorted(Comparator.comparing(ImpactEntry::day))
                .toList();
    }

    @Override
    public synchronized int countBetween(String roleId, LocalDate from, LocalDate to) {
        return between(roleId, from, to).size();
    }

    @Override
    public synchronized List<ImpactEntry> unsent(String roleId) {
        return entries.values().stream()
                .filter(e -> e.roleId().equals(roleId) && !e.sent())
                .sorted(Comparator.comparing(ImpactEntry::recordedAt))
                .toList();
    }

    @Override
    public synchronized boolean record(ImpactEntry entry, AuditEntry entryAudit) {
        if (entries.containsKey(entry.id())) return false;
        entries.put(entry.id(), entry);
        audit.append(entryAudit);
        return true;
    }

    @Override
    public synchronized boolean change(
            ImpactEntry before, ImpactEntry after, AuditEntry entryAudit) {
        ImpactEntry stored = entries.get(before.id());
        if (stored == null || stored.revision() != before.revision()) return false;
        entries.put(after.id(), after);
        audit.append(entryAudit);
        return true;
    }

    @Override
    public synchronized boolean sent(
            List<ImpactEntry> sent, List<AuditEntry> entryAudit, List<OutboxMessage> digests) {
        for (ImpactEntry e : sent) {
            ImpactEntry stored = entries.get(e.id());
            if (stored == null || stored.sent() || stored.revision() != e.revision() - 1)
                return false;
        }
        sent.forEach(e -> entries.put(e.id(), e));
        entryAudit.forEach(audit::append);
        digests.forEach(outbox::add);
        return true;
    }
}
