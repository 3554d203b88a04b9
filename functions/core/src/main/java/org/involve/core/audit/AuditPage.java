package org.involve.core.audit;

import java.util.List;

/** One page of a record's audit entries, newest first, and where the next page starts (null when there is none). */
public record AuditPage(List<AuditEntry> entries, String next) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
