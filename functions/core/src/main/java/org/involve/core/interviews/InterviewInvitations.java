package org.involve.core.interviews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.Role;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff invite everyone invited to interview: an e-mail with a one-use booking link listing the free times, or a task
 * for the team when the applicant asked for telephone or post. Staff only (MANAGE_INTERVIEWS).
 */
public final class InterviewInvitations {
    private static final Words WORDS = Words.of("interviews");
    private final Interviews interviews;
    private final InterviewSchedule schedule;
    private final SignedLink links;
    private final InterviewLetters letters;
    private final String siteUrl;

    /** @param siteUrl the public site, where the booking link leads */
    public InterviewInvitations(
            Interviews interviews,
            InterviewSchedule schedule,
            SignedLink links,
            InterviewLetters letters,
            String siteUrl) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The site address must be an http(s) address");
        this.interviews = interviews;
        this.schedule = schedule;
        this.links = links;
        this.letters = letters;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    /** @param messageIds e-mails written (announced by the outbox as it wrote them) */
    public record Sent(int emails, int tasks, List<String> messageIds) {}

    /**
     * Invites everyone invited to interview who has not been sent anything yet. Each application's invitation is
     * written with its facts and audit entry, on condition it has not been invited before, so sending twice sends once.
     * {@code version} is the list the page showed: if it changed meanwhile, nothing is sent.
     */
    public Sent sendInvitations(StaffMember who, String roleId, String version) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Interviews.Board board = interviews.board(who, roleId);
        Role role = board.role();
        Instant now = board.now();
        List<InterviewSlot> free = board.freeSlots();
        if (board.toInvite().isEmpty())
            throw new Interviews.Refused(WORDS.get("error.invite.allSent"));
        // Those to invite are no longer those the page listed ({@link Board#toInviteVersion}).
        Application.unchangedSince(board.toInvite(), version);
        if (free.isEmpty()) throw new Interviews.Refused(WORDS.get("error.invite.noTimes"));
        boolean anyByEmail = board.toInvite().stream().anyMatch(Interviews::byEmail);
        if (anyByEmail && !now.isBefore(board.bookBy()))
            throw new Interviews.Refused(WORDS.get("error.invite.weekStarted"));
        int emails = 0, tasks = 0;
        List<String> ids = new ArrayList<>();
        for (Application app : board.toInvite()) {
            InterviewFacts facts;
            OutboxMessage m;
            String what;
            if (Interviews.byEmail(app)) {
                String token =
                        links.issue(LinkPurpose.INTERVIEW_BOOKING, app.reference(), board.bookBy());
                m =
                        letters.invitation(
                                role,
                                app,
                                free,
                                siteUrl + PublicPaths.BOOKING.fill(token),
                                board.bookBy(),
                                now);
                facts = InterviewFacts.invitedByEmail(now, board.bookBy());
                what = "interview invitation e-mailed";
            } else {
                m = letters.bookingTask(role, app, now);
                facts = InterviewFacts.invitedByTeam(now);
                what = "interview booking task set for the team (" + app.contactMethod() + ")";
            }
            AuditEntry audit =
                    AuditEntry.by(
                            who,
                            what,
                            "application:" + app.reference(),
                            now,
                            app.status().name(),
                            app.status().name());
            Instant remindAt =
                    Interviews.byEmail(app) ? BookingReminders.dueAt(now, board.bookBy()) : null;
            if (schedule.invite(app, facts.asFacts(), audit, List.of(m), remindAt)) {
                ids.add(m.id());
                if (Interviews.byEmail(app)) emails++;
                else tasks++;
            }
        }
        return new Sent(emails, tasks, ids);
    }
}
