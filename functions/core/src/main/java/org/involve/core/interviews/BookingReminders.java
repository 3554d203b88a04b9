package org.involve.core.interviews;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The reminder to book (run by the daily interview reminder job): everyone invited by e-mail who has not booked gets
 * one reminder, {@link #LEAD} before their link stops working (or a day after the invitation, when that is later),
 * with a fresh link that stops when theirs does (the link's page shows the times still free: the job reads no slots,
 * only its index and each application).
 * It reads a sparse index keyed by the reminder's due time, and writes
 * each reminder with the application leaving that index, so running twice, or late, reminds once. After the deadline,
 * staff see who never booked and choose to offer again or record "did not attend" ({@link FollowingUp}).
 */
public final class BookingReminders {
    /** How long before the booking deadline the reminder goes. */
    public static final Duration LEAD = Duration.ofDays(3);

    static final String JOB = "interview-reminders";

    private final InterviewSchedule schedule;
    private final RoundApplications round;
    private final RoleReader roles;
    private final SignedLink links;
    private final InterviewLetters letters;
    private final String siteUrl;

    public BookingReminders(
            InterviewSchedule schedule,
            RoundApplications round,
            RoleReader roles,
            SignedLink links,
            InterviewLetters letters,
            String siteUrl) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The site address must be an http(s) address");
        this.schedule = schedule;
        this.round = round;
        this.roles = roles;
        this.links = links;
        this.letters = letters;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    /**
     * When an invitation sent at {@code invitedAt} with a link working until {@code bookBy} is due its reminder: null
     * when there is too little time for one to help (less than half a day before the deadline).
     */
    public static Instant dueAt(Instant invitedAt, Instant bookBy) {
        Instant due = bookBy.minus(LEAD);
        Instant dayAfter = invitedAt.plus(Duration.ofDays(1));
        if (due.isBefore(dayAfter)) due = dayAfter;
        return due.isAfter(bookBy.minus(Duration.ofHours(12))) ? null : due;
    }

    public record Result(int reminded, List<String> messageIds) {}

    public Result run(Instant now) {
        List<String> written = new ArrayList<>();
        for (Application listed : schedule.awaitingBookingReminder(now)) {
            // The index may lag behind a booking, a withdrawal or an earlier run; the application
            // decides.
            Optional<Application> found =
                    round.find(listed.roleId(), listed.applicantKey(), Read.CONSISTENT);
            Optional<Role> role = roles.find(listed.roleId(), Read.EVENTUAL);
            if (found.isEmpty() || role.isEmpty()) continue;
            Application app = found.get();
            InterviewFacts facts = InterviewFacts.of(app);
            Instant until = facts.linkExpiresAt();
            if (app.status() != Status.INVITED_TO_INTERVIEW
                    || !facts.invitedByEmail()
                    || !Interviews.byEmail(app)
                    || FollowUpFacts.of(app).remindedToBook() != null
                    || until == null
                    || !now.isBefore(until)) {
                schedule.noBookingReminder(app); // nothing to remind them of now
                continue;
            }
            String token = links.issue(LinkPurpose.INTERVIEW_BOOKING, app.reference(), until);
            OutboxMessage m =
                    letters.remindToBook(
                            role.get(),
                            app,
                            siteUrl + org.involve.core.paths.PublicPaths.BOOKING.fill(token),
                            until,
                            now);
            AuditEntry audit =
                    AuditEntry.byJob(
                            JOB,
                            "reminded the applicant to book an interview time",
                            "application:" + app.reference(),
                            now,
                            app.status().name(),
                            app.status().name());
            if (schedule.remindToBookOnce(app, FollowUpFacts.remindedToBook(now), audit, m))
                written.add(m.id());
        }
        return new Result(written.size(), written);
    }
}
