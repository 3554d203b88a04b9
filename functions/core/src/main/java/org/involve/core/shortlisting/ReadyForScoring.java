package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.List;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.staff.PanelMember;

/**
 * The e-mails that start a role's scoring: "ready for scoring" to each panel member, with a link to the role's papers,
 * or, when a role closes with no panel, one to the team saying a panel must be chosen, linking to the page that
 * chooses it. Each id names the role, its closing date and the person, so a member is told once per closing however
 * often the job runs or the panel is chosen again.
 */
public final class ReadyForScoring {
    private final String staffSiteUrl;

    public ReadyForScoring(String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** What a role's closing sends: one e-mail per panel member, or the team's "choose a panel". */
    public List<OutboxMessage> atClosing(Role role, RolePanel panel, Instant now) {
        if (panel.isEmpty()) return List.of(panelNeeded(role, now));
        return panel.members().stream().map(m -> toMember(role, m, now)).toList();
    }

    public static String messageId(Role role, PanelMember member) {
        return "panel-" + role.id() + "-" + role.closingDate() + "-" + member.id();
    }

    public static String panelNeededId(Role role) {
        return "panel-needed-" + role.id() + "-" + role.closingDate();
    }

    public OutboxMessage toMember(Role role, PanelMember member, Instant now) {
        Letter l = Letter.of(Words.of("shortlisting"), "readyForScoring");
        Email email =
                l.say(
                                "closed",
                                "role",
                                role.title(),
                                "programme",
                                role.programme(),
                                "closing",
                                role.closingTime().display())
                        .say("ready")
                        .say("conflicts")
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
                                                ClosingTime.displayDate(
                                                        role.interviewWeekCommencing()))))
                        .linked("link", staffSiteUrl + StaffPaths.SHORTLISTING_ROLE.fill(role.id()))
                        .send(member.email(), "role", role.title());
        return new OutboxMessage(messageId(role, member), email, now, now, 0, "panel-closing");
    }

    OutboxMessage panelNeeded(Role role, Instant now) {
        Letter l = Letter.of(Words.of("shortlisting"), "panelNeeded");
        Email email =
                l.say(
                                "closed",
                                "role",
                                role.title(),
                                "programme",
                                role.programme(),
                                "closing",
                                role.closingTime().display())
                        .say("choose")
                        .linked("link", staffSiteUrl + StaffPaths.ROLE_PANEL.fill(role.id()))
                        .send(role.contact().teamEmail(), "role", role.title());
        return new OutboxMessage(panelNeededId(role), email, now, now, 0, "panel-needed");
    }
}
