package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.application.RoundApplications;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.AwaitingOutcomes;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.outcomes.OutcomeRecords;
import org.involve.core.outcomes.OutcomeReminder;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.role.RoleEditor;
import org.involve.core.role.RoleReader;
import org.involve.handlers.InvolveSettings;

/**
 * The outcome and partner pages' beans, and the weekly outcome reminder's: over the roles, applications, outbox and
 * partners, with links to the staff site.
 */
@Factory
public class StaffOutcomesFactory {
    @Singleton
    OutcomeLetters outcomeLetters(InvolveSettings settings) {
        return new OutcomeLetters(settings.staffSiteUrl());
    }

    @Singleton
    Outcomes outcomes(
            RoleEditor roles,
            RoundApplications round,
            AwaitingOutcomes awaiting,
            OutcomeRecords records,
            OutcomeLetters letters,
            Clock clock) {
        return new Outcomes(roles, round, awaiting, records, letters, clock);
    }

    @Singleton
    Appointing appointing(
            RoleEditor roles,
            RoundApplications round,
            PartnerRecords partners,
            OutcomeLetters letters,
            PartnerLetters partnerLetters,
            Clock clock) {
        return new Appointing(roles, round, partners, letters, partnerLetters, clock);
    }

    /** Reads only: the applications adapter builds no audit trail until something is written. */
    @Singleton
    OutcomeReminder outcomeReminder(
            RoleReader roles,
            AwaitingOutcomes awaiting,
            OutboxWriter outbox,
            OutcomeLetters letters) {
        return new OutcomeReminder(roles, awaiting, outbox, letters);
    }
}
