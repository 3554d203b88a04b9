package org.involve.core.role;


import java.time.Instant;
import java.util.List;

/** Roles whose applications have closed, so every applicant is owed an outcome. */
public interface ClosedRoles {
    /**
     * Roles in SHORTLISTING or FILLED, and OPEN roles whose closing time is at or before {@code now} (the closing job
     * has not moved them yet): queries on the status index, never a scan.
     */
    List<Role> closedBy(Instant now);
}
