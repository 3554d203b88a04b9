package org.involve.core.monitoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Reading equal-opportunities answers back: only for the equality report and data-protection work, whose functions
 * alone hold the monitoring key and may read the monitoring table. An application's answers are found by working out
 * their key from its reference ({@link MonitoringKey}); the table itself names no application.
 */
public interface MonitoringAnswers {
    /** Every set of answers given for a role, by answer key. */
    Map<String, Map<String, String>> forRole(String roleId);

    /** One application's answers, if it gave any. */
    Optional<Map<String, String>> answersFor(String roleId, String applicationId);

    /** Deletes one application's answers. @return whether there were any */
    boolean forget(String roleId, String applicationId);

    /**
     * The UK day the retention job deleted the role's answers (all together, the unsuccessful period after its round
     * ended), if it has: the equality report says so rather than showing a role with nobody counted.
     */
    default Optional<LocalDate> deletedOn(String roleId) {
        return Optional.empty();
    }
}
