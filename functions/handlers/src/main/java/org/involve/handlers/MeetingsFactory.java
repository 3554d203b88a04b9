package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.meetings.MeetingJobs;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.meetings.Meetings;
import org.involve.core.meetings.PartnerMeetings;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.role.RoleReader;

/** The meetings area's beans: its letters, planning and attendance (papers MEETING_PAPERS_DAYS before), its jobs, and a
 * partner's own meetings for their page. */
@Factory
public class MeetingsFactory {
    @Singleton
    MeetingLetters meetingLetters(PartnerLetters letters, InvolveSettings settings) {
        return new MeetingLetters(letters, settings.staffSiteUrl());
    }

    @Singleton
    MeetingPlans meetingPlans(
            Meetings meetings,
            PartnerRecords records,
            PartnerChanges changes,
            RoleReader roles,
            MeetingLetters letters,
            InvolveSettings settings,
            Clock clock) {
        return new MeetingPlans(
                meetings, records, changes, roles, letters, settings.meetingPapersDays(), clock);
    }

    @Singleton
    MeetingJobs meetingJobs(
            Meetings meetings, MeetingPlans plans, RoleReader roles, MeetingLetters letters) {
        return new MeetingJobs(meetings, plans, roles, letters);
    }

    @Singleton
    PartnerMeetings partnerMeetings(Meetings meetings, Clock clock) {
        return new PartnerMeetings(meetings, clock);
    }
}
