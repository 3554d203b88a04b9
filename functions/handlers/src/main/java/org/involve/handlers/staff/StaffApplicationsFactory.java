package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoApplicationRecords;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoOutstandingAcknowledgements;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.Settings;
import org.involve.core.application.StaffApplications;
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
    StaffApplications staffApplications(DynamoDbClient db, DynamoRoles roles, DynamoOutbox outbox, DynamoAuditTrail audit, RoundApplications round,
                                        MonitoringToken tokens, Clock clock) {
        String applications = Settings.required("APPLICATIONS_TABLE");
        return new StaffApplications(
                roles,
                round,
                new DynamoOutstandingAcknowledgements(db, applications),
                new DynamoApplicationRecords(db, applications, outbox, audit),
                tokens, Settings.required("SITE_URL"), clock);
    }
}
