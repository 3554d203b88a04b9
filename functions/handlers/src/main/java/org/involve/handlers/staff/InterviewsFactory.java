package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.application.RoundApplications;
import org.involve.core.application.WithdrawalLink;
import org.involve.core.interviews.BookingReminders;
import org.involve.core.interviews.FollowingUp;
import org.involve.core.interviews.InterviewBooking;
import org.involve.core.interviews.InterviewInvitations;
import org.involve.core.interviews.InterviewLetters;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewTimes;
import org.involve.core.interviews.Interviews;
import org.involve.core.interviews.ReminderRun;
import org.involve.core.interviews.TeamBooking;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.role.RoleReader;
import org.involve.handlers.InvolveSettings;

/**
 * The interviews area's beans: the staff pages (Interviews, InterviewTimes, InterviewInvitations, TeamBooking), the
 * applicant's booking page (InterviewBooking) and the reminder job (ReminderRun), over the interview schedule.
 * Lazy, like every bean: each function builds only its own.
 */
@Factory
public class InterviewsFactory {
    @Singleton
    InterviewLetters interviewLetters(InvolveSettings settings, WithdrawalLink withdrawal) {
        return new InterviewLetters(settings.staffSiteUrl(), withdrawal);
    }

    @Singleton
    Interviews interviews(
            RoleReader roles, RoundApplications round, InterviewSchedule schedule, Clock clock) {
        return new Interviews(roles, round, schedule, clock);
    }

    @Singleton
    InterviewTimes interviewTimes(Interviews interviews, InterviewSchedule schedule, Clock clock) {
        return new InterviewTimes(interviews, schedule, clock);
    }

    @Singleton
    InterviewInvitations interviewInvitations(
            Interviews interviews,
            InterviewSchedule schedule,
            SignedLink links,
            InterviewLetters letters,
            InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.INTERVIEW_LINKS);
        return new InterviewInvitations(interviews, schedule, links, letters, settings.siteUrl());
    }

    @Singleton
    BookingReminders bookingReminders(
            InterviewSchedule schedule,
            RoundApplications round,
            RoleReader roles,
            SignedLink links,
            InterviewLetters letters,
            InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.INTERVIEW_LINKS);
        return new BookingReminders(schedule, round, roles, links, letters, settings.siteUrl());
    }

    @Singleton
    FollowingUp followingUp(
            Interviews interviews,
            RoundApplications round,
            SignedLink links,
            InterviewLetters letters,
            InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.INTERVIEW_LINKS);
        return new FollowingUp(interviews, round, links, letters, settings.siteUrl());
    }

    @Singleton
    TeamBooking teamBooking(Interviews interviews, InterviewSchedule schedule) {
        return new TeamBooking(interviews, schedule);
    }

    @Singleton
    InterviewBooking interviewBooking(
            SignedLink links,
            RoleReader roles,
            RoundApplications round,
            InterviewSchedule schedule,
            InterviewLetters letters,
            Clock clock,
            InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.INTERVIEW_LINKS);
        return new InterviewBooking(links, roles, round, schedule, letters, clock);
    }

    @Singleton
    ReminderRun reminderRun(
            InterviewSchedule schedule,
            RoundApplications round,
            RoleReader roles,
            InterviewLetters letters,
            InvolveSettings settings) {
        return new ReminderRun(
                schedule, round, roles, letters, settings.interviewReminderLeadDays());
    }
}
