package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.Settings;
import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.application.UnacknowledgedApplications;
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
    ApplicationsForStaff applicationsForStaff(DynamoRoles roles, DynamoApplications applications, Clock clock) {
        return new ApplicationsForStaff(roles, applications, applications, Settings.required("SITE_URL"), clock);
    }

    @Singleton
    EnteringForApplicant enteringForApplicant(DynamoRoles roles, DynamoApplications applications, MonitoringToken tokens, Clock clock) {
        return new EnteringForApplicant(roles, applications, tokens, Settings.required("SITE_URL"), clock);
    }

    @Singleton
    TalkFirstQueue talkFirstQueue(DynamoRoles roles, DynamoApplications applications, Clock clock) {
        return new TalkFirstQueue(roles, applications, clock);
    }

    @Singleton
    UnacknowledgedApplications unacknowledgedApplications(DynamoRoles roles, DynamoApplications applications, Clock clock) {
        return new UnacknowledgedApplications(roles, applications, applications, applications, clock);
    }
}
