package org.involve.core.shortlisting;

import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;

/**
 * What the panel works from, kept apart from the applications: each role's anonymised applications (its "papers"),
 * the panel's scores and the recorded shortlist. Nothing here names anyone, so the panel's function may read all of
 * it and nothing else.
 */
public interface ShortlistStore extends ScoreStore {
    /** Adds a paper unless the role already has one for that anonymous id. @return true if written now */
    boolean addPaper(AnonymisedApplication paper);

    /** The role's papers in anonymous-id order (a query on the role's key, never a scan). */
    List<AnonymisedApplication> papers(String roleId);

    Optional<ShortlistDecision> decision(String roleId);

    /**
     * Stores the decision with its audit entry, together, unless the role already has a decision.
     * @return false, writing nothing, when a decision is already recorded
     */
    boolean recordDecision(ShortlistDecision decision, AuditEntry audit);

    /**
     * Stores a panel member's conflict of interest with an applicant, with its audit entry, together, unless they have
     * already declared one for that applicant. @return false, writing nothing, when one is already declared
     */
    boolean declareConflict(Conflict conflict, AuditEntry audit);

    /** Every conflict declared for the role's applicants (a query on the role's key). */
    List<Conflict> conflicts(String roleId);
}
