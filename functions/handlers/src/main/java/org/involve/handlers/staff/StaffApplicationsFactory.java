package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoApplicationRecords;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoOutstandingAcknowledgements;
import org.involve.adapters.DynamoRoleRecords;
import org.involve.adapters.Settings;
import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.application.RoundApplications;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The application pages' beans: roles (read), the round's applications, the unacknowledged index, staff entries and
 * acknowledgements with their audit entries (APPLICATIONS_TABLE, ROLES_TABLE, OUTBOX_TABLE, AUDIT_TABLE), and the
 * monitoring token an entered application is given (TOKEN_SIGNING_KEY), linked from the public site (SITE_URL).
 */
@Factory
public class StaffApplicationsFactory {
    @Singleton
    ApplicationsForStaff applicationsForStaff(DynamoDbClient db, RoundApplications round, Clock clock) {
        return new ApplicationsForStaff(roles(db), round, outstanding(db), Settings.required("SITE_URL"), clock);
    }

    @Singleton
    EnteringForApplicant enteringForApplicant(DynamoDbClient db, MonitoringToken tokens, Clock clock) {
        return new EnteringForApplicant(roles(db), records(db), tokens, Settings.required("SITE_URL"), clock);
    }

    @Singleton
    TalkFirstQueue talkFirstQueue(DynamoDbClient db, RoundApplications round, Clock clock) {
        return new TalkFirstQueue(roles(db), round, clock);
    }

    @Singleton
    UnacknowledgedApplications unacknowledgedApplications(DynamoDbClient db, RoundApplications round, Clock clock) {
        return new UnacknowledgedApplications(roles(db), round, outstanding(db), records(db), clock);
    }

    private static DynamoRoleRecords roles(DynamoDbClient db) {
        return new DynamoRoleRecords(db, Settings.required("ROLES_TABLE"), Settings.required("APPLICATIONS_TABLE"), Settings.required("AUDIT_TABLE"));
    }

    private static DynamoOutstandingAcknowledgements outstanding(DynamoDbClient db) {
        return new DynamoOutstandingAcknowledgements(db, Settings.required("APPLICATIONS_TABLE"));
    }

    private static DynamoApplicationRecords records(DynamoDbClient db) {
        return new DynamoApplicationRecords(db, Settings.required("APPLICATIONS_TABLE"), new DynamoOutbox(db, Settings.required("OUTBOX_TABLE")),
                new DynamoAuditTrail(db, Settings.required("AUDIT_TABLE")));
    }
}
