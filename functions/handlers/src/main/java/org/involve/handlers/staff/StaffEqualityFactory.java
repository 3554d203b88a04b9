package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.core.application.RoundApplications;
import org.involve.core.equality.EqualityReport;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.role.RoleReader;
import org.involve.handlers.InvolveSettings;

/** The equality report's bean: roles and applications (read), the monitoring answers and the key that finds them. */
@Factory
public class StaffEqualityFactory {
    @Singleton
    EqualityReport equalityReport(
            RoleReader roles,
            RoundApplications applications,
            MonitoringAnswers answers,
            MonitoringKey keys,
            InvolveSettings settings) {
        return new EqualityReport(
                roles, applications, answers, keys, settings.monitoringSuppressionThreshold());
    }
}
