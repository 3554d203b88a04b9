package org.involve.handlers.views;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.involve.core.kit.Html.escape;

/** The outcome pages: applicants of closed roles without an outcome, one role's outcomes, and sending them. */
public final class StaffOutcomePages {
    public static final String AREA = "/staff/outcomes";

    private StaffOutcomePages() {}

    public static String withoutOutcome(StaffMember member, List<Outcomes.Waiting> waiting) {
        StringBuilder s = new StringBuilder("<h1>Applicants without an outcome</h1>")
                .append("<p>Everyone who applies is told whether they were successful. These applicants of roles that have closed have not heard yet.</p>");
        if (waiting.isEmpty()) {
            s.append("<p role=\"status\">Every applicant of a closed role has heard their outcome.</p>");
            return StaffLayout.widePage(member, AREA, "Applicants without an outcome", false, null, s.toString());
        }
        Map<Role, List<Outcomes.Waiting>> byRole = waiting.stream().collect(Collectors.groupingBy(Outcomes.Waiting::role, LinkedHashMap::new, Collectors.toList()));
        s.append("<p>").append(count(waiting.size(), "applicant")).append(" in ").append(count(byRole.size(), "role")).append(".</p>");
        byRole.forEach((role, list) -> {
            s.append("<h2 class=\"nhsuk-heading-m\">").append(escape(role.title())).append("</h2>")
                    .append("<p>Closed ").append(escape(ago(list.get(0).daysSinceClosing()))).append(", on ").append(escape(role.closingTime().display()))
                    .append(". <a href=\"/staff/outcomes/").append(escape(role.id())).append("\">Send outcomes<span class=\"nhsuk-u-visually-hidden\"> for ")
                    .append(escape(role.title())).append("</span></a></p>");
            List<String[]> rows = new ArrayList<>();
            for (Outcomes.Waiting w : list) rows.add(new String[]{w.application().reference(), w.application().answer(ApplicationForm.FULL_NAME), where(w.application())});
            s.append(table(count(list.size(), "applicant") + " of " + role.title() + " waiting", List.of("Reference", "Name", "Where they are"), rows));
        });
        return StaffLayout.widePage(member, AREA, "Applicants without an outcome", false, null, s.toString());
    }

    public static String role(StaffMember member, Outcomes.RoleOutcomes o, String notice) {
        Role role = o.role();
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(StaffRolePages.success(notice));
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(role.title())).append("</span><h1>Outcomes</h1>")
                .append("<h2 class=\"nhsuk-heading-m\">Unsuccessful outcomes to send</h2>");
        if (o.toSend().isEmpty()) {
            s.append("<p>There are no unsuccessful outcomes waiting to be sent.</p>");
        } else {
            s.append("<p>").append(count(o.toSend().size(), "applicant")).append(" not invited to interview or not successful at interview ")
                    .append(o.toSend().size() == 1 ? "has" : "have").append(" not been told yet.</p>")
                    .append("<p><a class=\"nhsuk-button\" data-module=\"nhsuk-button\" href=\"/staff/outcomes/").append(escape(role.id()))
                    .append("/send\">Send unsuccessful outcomes</a></p>");
        }
        s.append("<h2 class=\"nhsuk-heading-m\">Applicants to telephone or write to</h2>");
        if (o.tasks().isEmpty()) {
            s.append("<p>There is nobody to telephone or write to.</p>");
        } else {
            s.append("<p>They asked to be contacted by telephone or post. Tell them their outcome that way, then mark it done.</p>");
            for (Application a : o.tasks()) s.append(task(role, a));
        }
        s.append("<h2 class=\"nhsuk-heading-m\">Still in the round</h2>");
        if (o.stillInRound().isEmpty()) s.append("<p>Nobody is waiting for an interview, references or an appointment.</p>");
        else s.append(table("Applicants still in the round", List.of("Reference", "Name", "Where they are"), rows(o.stillInRound())));
        s.append("<h2 class=\"nhsuk-heading-m\">Told their outcome</h2>");
        if (o.heard().isEmpty()) s.append("<p>Nobody has been told yet.</p>");
        else s.append(table("Applicants who have heard", List.of("Reference", "Name", "Outcome"), o.heard().stream()
                .map(a -> new String[]{a.reference(), a.answer(ApplicationForm.FULL_NAME), outcomeWords(a)}).toList()));
        return StaffLayout.widePage(member, AREA, "Outcomes: " + role.title(), false, AREA, s.toString());
    }

    /** A staff task: who, how to reach them, and the button that records it is done. */
    public static String task(Role role, Application a) {
        boolean phone = "telephone".equals(a.contactMethod());
        String how = phone ? "Telephone " + a.answer(ApplicationForm.PHONE)
                : "Write to " + String.join(", ", List.of(a.answer(ApplicationForm.ADDRESS_LINE_1), a.answer("addressLine2"), a.answer(ApplicationForm.TOWN),
                a.answer(ApplicationForm.POSTCODE)).stream().filter(x -> !x.isBlank()).toList());
        return "<div class=\"nhsuk-card\"><div class=\"nhsuk-card__content\"><h3 class=\"nhsuk-card__heading nhsuk-heading-s\">"
                + escape(a.answer(ApplicationForm.FULL_NAME)) + " (" + escape(a.reference()) + ")</h3>"
                + "<p>Outcome: <strong>" + escape(OutcomeFacts.of(a).outcome()) + "</strong>. " + escape(how) + ".</p>"
                + StaffRolePages.postButton("/staff/outcomes/" + role.id() + "/tasks/" + a.reference(), "Mark " + a.reference() + " as told", " nhsuk-button--secondary")
                + "</div></div>";
    }

    public static String confirmSend(StaffMember member, Outcomes.RoleOutcomes o) {
        Role role = o.role();
        int emails = (int) o.toSend().stream().filter(OutcomeFacts::byEmail).count(), tasks = o.toSend().size() - emails;
        StringBuilder s = new StringBuilder("<span class=\"nhsuk-caption-l\">").append(escape(role.title())).append("</span>");
        if (o.toSend().isEmpty()) {
            s.append("<h1>There are no unsuccessful outcomes to send</h1><p><a href=\"/staff/outcomes/").append(escape(role.id())).append("\">Back to outcomes</a></p>");
            return StaffLayout.page(member, AREA, "No outcomes to send", false, AREA + "/" + role.id(), s.toString());
        }
        String title = "Send " + count(o.toSend().size(), "unsuccessful outcome") + "?";
        s.append("<h1>").append(escape(title)).append("</h1>")
                .append("<p>Each applicant gets a kind letter thanking them, telling them they have not been successful this time, and offering feedback from ")
                .append(escape(role.contact().name())).append(".</p><ul class=\"nhsuk-list nhsuk-list--bullet\">")
                .append("<li>").append(count(emails, "email")).append(" to applicants</li>")
                .append("<li>").append(count(tasks, "task")).append(" for staff, for applicants who asked for telephone or post</li></ul>")
                .append("<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>")
                .append("This cannot be undone</span></h2><p>Once sent, the emails cannot be recalled.</p></div>")
                .append(StaffRolePages.postButton("/staff/outcomes/" + role.id() + "/send", "Send outcomes", ""))
                .append("<p><a href=\"/staff/outcomes/").append(escape(role.id())).append("\">No, go back</a></p>");
        return StaffLayout.page(member, AREA, title, false, AREA + "/" + role.id(), s.toString());
    }

    /** The applicant's place in the round, and whether a staff task is waiting. */
    public static String where(Application a) {
        return OutcomeFacts.taskOpen(a) ? a.status().label() + ": staff to tell them the " + OutcomeFacts.of(a).outcome() + " outcome by " + a.contactMethod()
                : a.status().label();
    }

    private static String outcomeWords(Application a) {
        String o = OutcomeFacts.of(a).outcome();
        String how = OutcomeFacts.of(a).toldByEmail() ? "by email" : "by " + a.contactMethod();
        return (o == null ? "Told" : Character.toUpperCase(o.charAt(0)) + o.substring(1)) + ", " + how;
    }

    private static List<String[]> rows(List<Application> apps) {
        return apps.stream().map(a -> new String[]{a.reference(), a.answer(ApplicationForm.FULL_NAME), where(a)}).toList();
    }

    static String table(String caption, List<String> headers, List<String[]> rows) {
        StringBuilder s = new StringBuilder("<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption nhsuk-u-visually-hidden\">").append(escape(caption))
                .append("</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">");
        for (String h : headers) s.append("<th scope=\"col\" class=\"nhsuk-table__header\">").append(escape(h)).append("</th>");
        s.append("</tr></thead><tbody class=\"nhsuk-table__body\">");
        for (String[] r : rows) {
            s.append("<tr class=\"nhsuk-table__row\">");
            for (String c : r) s.append("<td class=\"nhsuk-table__cell\">").append(escape(c)).append("</td>");
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    static String ago(long days) {
        if (days == 0) return "today";
        if (days < 14) return count((int) days, "day") + " ago";
        return count((int) (days / 7), "week") + " ago";
    }
}
