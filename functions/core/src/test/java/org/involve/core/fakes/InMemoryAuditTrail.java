package org.involve.core.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditHistory;
import org.involve.core.audit.AuditPage;
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

    /** Pages by position: "after" is how many of the record's entries, newest first, came before. */
    @Override
    public AuditPage newestFirst(String record, String after, int size) {
        List<AuditEntry> all = new java.util.ArrayList<>(trailOf(record));
        java.util.Collections.reverse(all);
        int from = after == null ? 0 : Integer.parseInt(after.replace("at-", ""));
        int to = Math.min(all.size(), from + size);
        return new AuditPage(
                all.subList(Math.min(from, all.size()), to), to < all.size() ? "at-" + to : null);
    }
}
