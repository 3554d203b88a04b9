package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoInterviewSchedule;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoUsedLinks;
import org.involve.adapters.Settings;
import org.involve.core.interviews.InterviewBooking;
import org.involve.core.interviews.InterviewInvitations;
import org.involve.core.interviews.InterviewTimes;
import org.involve.core.interviews.InterviewLetters;
import org.involve.core.interviews.Interviews;
import org.involve.core.interviews.ReminderRun;
import org.involve.core.interviews.TeamBooking;
import org.involve.core.links.SignedLink;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The interviews area's beans: the staff pages (Interviews, InterviewTimes, InterviewInvitations, TeamBooking), the applicant's booking page (InterviewBooking) and the
 * reminder job (ReminderRun), over INTERVIEW_SLOTS_TABLE, APPLICATIONS_TABLE, ROLES_TABLE, OUTBOX_TABLE, AUDIT_TABLE and,
 * for booking through a link, USED_LINKS_TABLE. Lazy, like every bean: each function builds only its own.
 */
@Factory
public class InterviewsFactory {
    @Singleton
    InterviewLetters interviewLetters() {
        return new InterviewLetters(Settings.required("STAFF_SITE_URL"));
    }

    @Singleton
    Interviews interviews(DynamoDbClient db, DynamoRoles roles, DynamoApplications round, DynamoOutbox outbox, DynamoAuditTrail audit, Clock clock) {
        return new Interviews(roles, round, schedule(db, round, null, outbox, audit), clock);
    }

    @Singleton
    InterviewTimes interviewTimes(DynamoDbClient db, Interviews interviews, DynamoApplications round, DynamoOutbox outbox, DynamoAuditTrail audit,
                                  Clock clock) {
        return new InterviewTimes(interviews, schedule(db, round, null, outbox, audit), clock);
    }

    @Singleton
    InterviewInvitations interviewInvitations(DynamoDbClient db, Interviews interviews, DynamoApplications round, DynamoOutbox outbox,
                                              DynamoAuditTrail audit, SignedLink links, InterviewLetters letters) {
        return new InterviewInvitations(interviews, schedule(db, round, null, outbox, audit), links, letters, Settings.required("SITE_URL"));
    }

    @Singleton
    TeamBooking teamBooking(DynamoDbClient db, Interviews interviews, DynamoApplications round, DynamoOutbox outbox, DynamoAuditTrail audit) {
        return new TeamBooking(interviews, schedule(db, round, null, outbox, audit));
    }

    @Singleton
    InterviewBooking interviewBooking(DynamoDbClient db, DynamoRoles roles, DynamoApplications round, DynamoOutbox outbox, DynamoAuditTrail audit, SignedLink links,
                                      DynamoUsedLinks used, InterviewLetters letters, Clock clock) {
        return new InterviewBooking(links, roles, round, schedule(db, round, used, outbox, audit), letters, clock);
    }

    @Singleton
    ReminderRun reminderRun(DynamoDbClient db, DynamoRoles roles, DynamoApplications round, DynamoOutbox outbox, DynamoAuditTrail audit, InterviewLetters letters) {
        return new ReminderRun(schedule(db, round, null, outbox, audit), round, roles, letters,
                Integer.parseInt(Settings.optional("INTERVIEW_REMINDER_LEAD_DAYS", "1")));
    }

    private static DynamoInterviewSchedule schedule(DynamoDbClient db, DynamoApplications round, DynamoUsedLinks used, DynamoOutbox outbox,
                                                    DynamoAuditTrail audit) {
        return new DynamoInterviewSchedule(db, Settings.required("INTERVIEW_SLOTS_TABLE"), round, used, outbox, audit);
    }
}
