package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.application.ApplicationRecords;
import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.OutstandingAcknowledgements;
import org.involve.core.application.RoundApplications;
import org.involve.core.application.SupportRequests;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.application.WithdrawalLink;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.UndeliverableLookup;
import org.involve.core.role.RoleReader;
import org.involve.handlers.InvolveSettings;

/**
 * The application pages' beans: roles (read), the round's applications, the unacknowledged index, staff entries and
 * acknowledgements with their audit entries, and the monitoring token an entered application is given, linked from
 * the public site.
 */
@Factory
public class StaffApplicationsFactory {
    @Singleton
    ApplicationsForStaff applicationsForStaff(
            RoleReader roles,
            RoundApplications round,
            OutstandingAcknowledgements outstanding,
            MonitoringToken tokens,
            Clock clock,
            UndeliverableLookup undeliverable,
            MonitoringCode codes,
            InvolveSettings settings) {
        return new ApplicationsForStaff(
                roles, round, outstanding, settings.siteUrl(), tokens, clock, undeliverable, codes);
    }

    @Singleton
    EnteringForApplicant enteringForApplicant(
            RoleReader roles,
            ApplicationRecords records,
            MonitoringToken tokens,
            Clock clock,
            InvolveSettings settings,
            WithdrawalLink withdrawal) {
        return new EnteringForApplicant(
                roles,
                records,
                tokens,
                settings.siteUrl(),
                settings.staffSiteUrl(),
                clock,
                withdrawal);
    }

    @Singleton
    SupportRequests supportRequests(RoleReader roles, RoundApplications round, Clock clock) {
        return new SupportRequests(roles, round, clock);
    }

    @Singleton
    TalkFirstQueue talkFirstQueue(RoleReader roles, RoundApplications round, Clock clock) {
        return new TalkFirstQueue(roles, round, clock);
    }

    @Singleton
    UnacknowledgedApplications unacknowledgedApplications(
            RoleReader roles,
            RoundApplications round,
            OutstandingAcknowledgements outstanding,
            ApplicationRecords records,
            Clock clock) {
        return new UnacknowledgedApplications(roles, round, outstanding, records, clock);
    }
}
