package org.involve.core.retention;

import java.time.LocalDate;
import java.util.List;
import org.involve.core.audit.AuditEntry;

/**
 * The retention job's port for equal-opportunities answers. They are stored by role under a key only the monitoring
 * key can work out, and the job does not hold that key, so it cannot tell whose answers are whose: it deletes a role's
 * answers all together, the unsuccessful period after the role's round is over (the role FILLED, every applicant having
 * an outcome, or WITHDRAWN). The step that ends the round starts the clock on the role ({@code retention},
 * {@code retentionFrom}, a sparse index of the RolesTable), so the job reads only roles that are due.
 */
public interface MonitoringRetention {
    /** Ids of roles whose round ended on or before {@code lastStartDay} and whose answers are still kept. */
    List<String> rolesDue(LocalDate lastStartDay, int limit);

    /**
     * Deletes every answer given for the role (finding them by key alone, never reading an answer), then, in one
     * transaction with the audit entry, notes the day they went (so the equality report can say so) and takes the role
     * off the index. False if the role's clock was started again after {@code lastStartDay} or it has been done.
     */
    boolean deleteAnswers(String roleId, LocalDate lastStartDay, LocalDate today, AuditEntry entry);

    /** For a job wired without monitoring answers (tests of the other kinds): nothing is ever due. */
    MonitoringRetention NONE =
            new MonitoringRetention() {
                @Override
                public List<String> rolesDue(LocalDate lastStartDay, int limit) {
                    return List.of();
                }

                @Override
                public boolean deleteAnswers(
                        String roleId, LocalDate lastStartDay, LocalDate today, AuditEntry entry) {
                    return false;
                }
            };
}
