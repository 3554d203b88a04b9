package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.impact.ImpactLetters;
import org.involve.core.impact.ImpactLog;
import org.involve.core.impact.ImpactReports;
import org.involve.core.impact.Impacts;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.meetings.Meetings;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.role.RoleReader;

/** The impact log's beans: its digest letter, the log (record, change, send) and the end-of-year reports. */
@Factory
public class ImpactFactory {
    @Singleton
    ImpactLetters impactLetters(PartnerLetters letters) {
        return new ImpactLetters(letters);
    }

    @Singleton
    ImpactLog impactLog(
            Impacts impacts,
            Meetings meetings,
            MeetingPlans plans,
            RoleReader roles,
            ImpactLetters letters,
            Clock clock) {
        return new ImpactLog(impacts, meetings, plans, roles, letters, clock);
    }

    @Singleton
    ImpactReports impactReports(
            ImpactLog log, Impacts impacts, Meetings meetings, MeetingPlans plans, Clock clock) {
        return new ImpactReports(log, impacts, meetings, plans, clock);
    }
}
