package org.involve.core.audit;

import java.util.List;

/** Reading the trail back, for pages that show a record's history. Only functions that show history may read it. */
public interface AuditHistory {
    /** Every entry about one record ("appointment:appointment-INV-..."), oldest first. */
    List<AuditEntry> trailOf(String record);

    /**
     * Up to {@code size} entries about one record, newest first, starting after {@code after} (a page's {@link
     * AuditPage#next()}, or null for the first page).
     */
    AuditPage newestFirst(String record, String after, int size);
}
