package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoOutcomeRecords;
import org.involve.adapters.DynamoPartnerRecords;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.DynamoRoundApplications;
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
    private static DynamoRoundApplications round(DynamoDbClient db, DynamoOutbox outbox, DynamoAuditTrail audit) {
        return new DynamoRoundApplications(db, Settings.required("APPLICATIONS_TABLE"), outbox, audit);
    }

    private static OutcomeLetters letters() {
        return new OutcomeLetters(Settings.required("STAFF_SITE_URL"));
    }

    @Singleton
    Outcomes outcomes(DynamoDbClient db, DynamoRoles roles, DynamoOutbox outbox, DynamoAuditTrail audit, Clock clock) {
        DynamoRoundApplications round = round(db, outbox, audit);
        return new Outcomes(roles, round, new DynamoOutcomeRecords(db, round, outbox, audit), letters(), clock);
    }

    @Singleton
    Appointing appointing(DynamoDbClient db, DynamoRoles roles, DynamoOutbox outbox, DynamoAuditTrail audit, Clock clock) {
        DynamoRoundApplications round = round(db, outbox, audit);
        return new Appointing(roles, round,
                new DynamoPartnerRecords(db, Settings.required("PARTNERS_TABLE"), round, outbox, audit), letters(), clock);
    }

    @Singleton
    OutcomeReminder outcomeReminder(DynamoDbClient db, DynamoRoles roles, DynamoOutbox outbox) {
        // Reads only: the reminder's query needs no audit table, so the job is not given one.
        return new OutcomeReminder(roles, new DynamoRoundApplications(db, Settings.required("APPLICATIONS_TABLE"), outbox, null), outbox, letters());
    }
}
