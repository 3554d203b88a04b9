package org.involve.core.shortlisting;

import java.time.Instant;

/** One panel member's points for one applicant's answer to one criterion. Scoring again replaces it. */
public record Score(
        String roleId,
        String applicantId,
        String criterionId,
        String panelMemberId,
        int points,
        Instant scoredAt) {
    public Score {
        if (roleId == null
                || applicantId == null
                || criterionId == null
                || panelMemberId == null
                || scoredAt == null)
            throw new IllegalArgumentException(
                    "A score needs the role, applicant, criterion, panel member and time");
        if (points < 0) throw new IllegalArgumentException("A score cannot be below 0");
    }
}
