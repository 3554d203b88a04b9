package org.involve.core.interviews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.RoundApplications;
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
 * Staff follow up an invitation: send a new booking link (offered again once the deadline has passed, or resent
 * before it), or record that the applicant did not attend (never booked, or booked and did not come), which sends them
 * a kind e-mail at once, so they have their outcome (DID_NOT_ATTEND). Each is one step with its audit entry and
 * e-mail, on condition the application is still where staff saw it. Staff only (MANAGE_INTERVIEWS).
 */
public final class FollowingUp {
    private static final Words WORDS = Words.of("interviews");
    private final Interviews interviews;
    private final RoundApplications round;
    private final SignedLink links;
    private final InterviewLetters letters;
    private final String siteUrl;

    /** @param siteUrl the public site, where booking links lead */
    public FollowingUp(
            Interviews interviews,
            RoundApplications round,
            SignedLink links,
            InterviewLetters letters,
            String siteUrl) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The site address must be an http(s) address");
        this.interviews = interviews;
        this.round = round;
        this.links = links;
        this.letters = letters;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    /** What was done: {@code emailed} false when the applicant gave no e-mail address (staff tell them). */
    public record Done(Application app, boolean emailed) {}

    /**
     * A new booking link for someone invited by e-mail who has not booked, from a board read when their application was
     * {@code version} (otherwise {@link Application.ChangedMeanwhile}, and nothing is sent). Before the deadline it works until the
     * deadline; after it, until the last free time starts.
     */
    public Done sendNewLink(StaffMember who, String roleId, String reference, String version) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Interviews.Board board = interviews.board(who, roleId);
        Application app = find(board.unbooked(), reference).unchangedSince(version);
        if (!Interviews.byEmail(app))
            throw new Interviews.Refused(WORDS.get("error.followUp.byTeam"));
        List<InterviewSlot> free = board.freeSlots();
        if (free.isEmpty()) throw new Interviews.Refused(WORDS.get("error.followUp.noTimes"));
        Instant now = board.now();
        Instant until =
                now.isBefore(board.bookBy())
                        ? board.bookBy()
                        : free.stream()
                                .map(InterviewSlot::startsAt)
                                .max(Comparator.naturalOrder())
                                .orElseThrow();
        String token = links.issue(LinkPurpose.INTERVIEW_BOOKING, app.reference(), until);
        int number = FollowUpFacts.of(app).resent() + 1;
        OutboxMessage m =
                letters.anotherLink(
                        board.role(),
                        app,
                        free,
                        siteUrl + PublicPaths.BOOKING.fill(token),
                        until,
                        now,
                        number);
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "new interview booking link e-mailed",
                        "application:" + app.reference(),
                        now,
                        app.status().name(),
                        app.status().name());
        if (!round.advance(
                app, app.status(), FollowUpFacts.anotherLink(app, until), audit, List.of(m)))
            throw new Interviews.Refused(WORDS.get("error.followUp.notWaiting"));
        return new Done(app, true);
    }

    /**
     * Records that they did not attend: anyone invited who has not booked, or anyone booked whose interview has
     * started, from a board read when their application was {@code version} (otherwise {@link
     * Application.ChangedMeanwhile}, and nothing is recorded). They are e-mailed at once when they gave an address.
     */
    public Done didNotAttend(StaffMember who, String roleId, String reference, String version) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Interviews.Board board = interviews.board(who, roleId);
        List<Application> candidates = new ArrayList<>(board.unbooked());
        candidates.addAll(board.booked());
        Application app = find(candidates, reference).unchangedSince(version);
        Instant now = board.now();
        Instant startsAt = InterviewFacts.of(app).startsAt();
        if (app.status() == Status.INTERVIEW_BOOKED && startsAt != null && now.isBefore(startsAt))
            throw new Interviews.Refused(WORDS.get("error.followUp.notYet"));
        boolean email = Interviews.byEmail(app);
        Role role = board.role();
        List<OutboxMessage> messages =
                email ? List.of(letters.didNotAttend(role, app, now)) : List.of();
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "recorded that the applicant did not attend interview",
                        "application:" + app.reference(),
                        now,
                        app.status().name(),
                        Status.DID_NOT_ATTEND.name());
        if (!round.advance(
                app,
                Status.DID_NOT_ATTEND,
                FollowUpFacts.didNotAttend(now, who.id()),
                audit,
                messages)) throw new Interviews.Refused(WORDS.get("error.followUp.notWaiting"));
        return new Done(app, email);
    }

    private static Application find(List<Application> among, String reference) {
        Optional<Application> app =
                among.stream().filter(a -> a.reference().equals(reference)).findFirst();
        return app.orElseThrow(
                () -> new Interviews.Refused(WORDS.get("error.followUp.notWaiting")));
    }
}
