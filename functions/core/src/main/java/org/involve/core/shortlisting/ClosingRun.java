package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.role.RolesForClosing;

/**
 * The closing-date job: every role whose closing time (the end of 23:59 UK time) has passed moves to shortlisting and
 * each member of its panel is e-mailed "ready for scoring" (or, with no panel chosen, the team is asked to choose one).
 * Running it twice does what running it once does: the move is conditional on the role still being open, and each
 * e-mail's id comes from the role, its closing date and the person ({@link ReadyForScoring}).
 * Before the move, the role's RECEIVED applications are anonymised into the panel's papers (written once each),
 * so the panel never needs to read the applications; a run that stops between the two leaves papers that the
 * next run, finding the role still open, completes rather than repeats.
 */
public final class ClosingRun {
    static final String JOB = "closing-run";
    private final RolesForClosing roles;
    private final RolePanels panels;
    private final PanelPapers papers;
    private final ReadyForScoring letters;

    public ClosingRun(
            RolesForClosing roles, RolePanels panels, PanelPapers papers, String staffSiteUrl) {
        this.roles = roles;
        this.panels = panels;
        this.papers = papers;
        this.letters = new ReadyForScoring(staffSiteUrl);
    }

    /**
     * Everything one run did.
     * @param closed the roles this run moved; {@code messageIds} the e-mails it wrote (announced by the outbox as it wrote them);
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
                c.messages().forEach(m -> messages.add(m.id()));
            }
        }
        return new Result(closed, messages, prepared);
    }

    Roles.Closing closingOf(Role role, Instant now) {
        List<OutboxMessage> m =
                letters.atClosing(role, panels.panelOf(role.id(), Read.CONSISTENT), now);
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
}
