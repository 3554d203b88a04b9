package org.involve.core.role;

public enum RoleStatus {
    DRAFT,
    OPEN,
    SHORTLISTING,
    WITHDRAWN,
    FILLED;

    /**
     * The role's round is over: FILLED (every applicant has an outcome) or WITHDRAWN. Both are final. From that step
     * the clock of the role's equal-opportunities answers runs, and the monitoring form takes no more answers for it.
     */
    public boolean roundOver() {
        return this == FILLED || this == WITHDRAWN;
    }
}
