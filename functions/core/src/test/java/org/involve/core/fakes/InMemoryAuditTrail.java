package org.involve.core.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditHistory;
import org.involve.core.audit.AuditTrail;

public final class InMemoryAuditTrail implements AuditTrail, AuditHistory {
    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(AuditEntry entry) {
        entries.add(entry);
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public List<AuditEntry> trailOf(String record) {
        return entries.stream().filter(e -> e.record().equals(record)).toList();
    }
}
