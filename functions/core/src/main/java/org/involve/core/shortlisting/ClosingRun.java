package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.role.RolesForClosing;

/**
 * The closing-date job: every role whose closing time (the end of 23:59 UK time) has passed moves to shortlisting and
 * the panel is told by e-mail. Running it twice does what running it once does: the move is conditional on
 * the role still being open, and the panel e-mail's id comes from the role and its closing date.
 * Before the move, the role's RECEIVED applications are anonymised into the panel's papers (written once each),
 * so the panel never needs to read the applications; a run that stops between the two leaves papers that the
 * next run, finding the role still open, completes rather than repeats.
 */
public final class ClosingRun {
    static final String JOB = "closing-run";
    private final RolesForClosing roles;
    private final PanelPapers papers;
    private final String staffSiteUrl;

    public ClosingRun(RolesForClosing roles, PanelPapers papers, String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.roles = roles;
        this.papers = papers;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** Everything one role's closing writes, together. */
    /**
     * @param closed the roles this run moved; {@code messageIds} the panel e-mails it wrote (announced by the outbox as it wrote them);
     * {@code papers} how many anonymised applications it prepared for panels
     */
    public record Result(List<String> closed, List<String> messageIds, int papers) {}

    public Result run(Instant now) {
        List<String> closed = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        int prepared = 0;
        for (Role role : roles.openAndDueBy(now)) {
            // The index may lag behind an extended closing date; the role itself decides.
            if (role.status() != RoleStatus.OPEN || role.closingTime().isOpenAt(now)) continue;
            Roles.Closing c = closingOf(role, now);
            prepared += papers.prepare(role);
            if (roles.moveToShortlisting(c)) {
                closed.add(role.id());
                messages.add(c.panelMessage().id());
            }
        }
        return new Result(closed, messages, prepared);
    }

    Roles.Closing closingOf(Role role, Instant now) {
        OutboxMessage m =
                new OutboxMessage(
                        panelMessageId(role), panelEmail(role), now, now, 0, "panel-closing");
        AuditEntry audit =
                AuditEntry.byJob(
                        JOB,
                        "closed the role at its closing time",
                        "role:" + role.id(),
                        now,
                        RoleStatus.OPEN.name(),
                        RoleStatus.SHORTLISTING.name());
        return new Roles.Closing(role.id(), role.closingDate(), now, m, audit);
    }

    /** From the role and its closing date: a second run writes nothing new, a role reopened and closed again gets a new e-mail. */
    public static String panelMessageId(Role role) {
        return "panel-" + role.id() + "-" + role.closingDate();
    }

    private Email panelEmail(Role role) {
        Letter l = Letter.of(Words.of("shortlisting"), "readyForScoring");
        return l.say(
                        "closed",
                        "role",
                        role.title(),
                        "programme",
                        role.programme(),
                        "closing",
                        role.closingTime().display())
                .say("ready")
                .bullets(
                        List.of(
                                l.words(
                                        "criteria",
                                        "count",
                                        role.criteria().size(),
                                        "essential",
                                        role.essentialCriteria().count()),
                                l.words(
                                        "interviews",
                                        "week",
                                        ClosingTime.displayDate(role.interviewWeekCommencing()))))
                .linked("link", staffSiteUrl + StaffPaths.SHORTLISTING_ROLE.fill(role.id()))
                .send(role.contact().teamEmail(), "role", role.title());
    }
}
