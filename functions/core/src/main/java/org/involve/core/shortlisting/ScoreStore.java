package org.involve.core.shortlisting;

import java.util.List;
import org.involve.core.audit.AuditEntry;

/** Panel scores, kept away from applicants' names and from monitoring answers. */
public interface ScoreStore {
    /**
     * Stores the score with its audit entry, together, replacing this panel member's earlier score for the same
     * answer.
     */
    void save(Score score, AuditEntry audit);

    /** Every score for the role (a query on the role's key, never a scan). */
    List<Score> forRole(String roleId);
}
