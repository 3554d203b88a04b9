package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.Settings;
import org.involve.core.application.StaffApplications;
import org.involve.core.monitoring.MonitoringToken;

import java.time.Clock;

/**
 * The application pages' beans: roles (read), the round's applications, the unacknowledged index, staff entries and
 * acknowledgements with their audit entries (APPLICATIONS_TABLE, ROLES_TABLE, OUTBOX_TABLE, AUDIT_TABLE), and the
 * monitoring token an entered application is given (TOKEN_SIGNING_KEY), linked from the public site (SITE_URL).
 */
@Factory
public class StaffApplicationsFactory {
    @Singleton
    StaffApplications staffApplications(DynamoRoles roles, DynamoApplications applications, MonitoringToken tokens, Clock clock) {
        return new StaffApplications(
                roles,
                applications,
                applications,
                applications,
                tokens, Settings.required("SITE_URL"), clock);
    }
}
