package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoPartnerRecords;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.Settings;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.outcomes.OutcomeReminder;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.outcomes.Appointing;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The outcome and partner pages' beans, and the weekly outcome reminder's: over the roles (ROLES_TABLE), applications
 * (APPLICATIONS_TABLE), outbox (OUTBOX_TABLE), audit (AUDIT_TABLE) and partners (PARTNERS_TABLE) tables, with links to
 * STAFF_SITE_URL.
 */
@Factory
public class StaffOutcomesFactory {
    private static OutcomeLetters letters() {
        return new OutcomeLetters(Settings.required("STAFF_SITE_URL"));
    }

    @Singleton
    Outcomes outcomes(DynamoRoles roles, DynamoApplications applications, Clock clock) {
        return new Outcomes(roles, applications, applications, letters(), clock);
    }

    @Singleton
    Appointing appointing(DynamoDbClient db, DynamoRoles roles, DynamoApplications applications, DynamoOutbox outbox, DynamoAuditTrail audit,
                          Clock clock) {
        return new Appointing(roles, applications,
                new DynamoPartnerRecords(db, Settings.required("PARTNERS_TABLE"), applications, outbox, audit), letters(), clock);
    }

    @Singleton
    OutcomeReminder outcomeReminder(DynamoRoles roles, DynamoApplications applications, DynamoOutbox outbox) {
        // Reads only: the applications adapter builds no audit trail until something is written.
        return new OutcomeReminder(roles, applications, outbox, letters());
    }
}
