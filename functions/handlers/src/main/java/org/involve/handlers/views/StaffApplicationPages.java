package org.involve.handlers.views;

import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.ApplicationsForStaff.RoleCounts;
import org.involve.core.application.ApplicationsForStaff.Shown;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.HandlingFacts;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.application.TalkFirstQueue.Held;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.application.UnacknowledgedApplications.Waiting;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Section;
import org.involve.core.kit.ClosingTime;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.involve.core.kit.Html.escape;

/**
 * The staff pages for applications: the overview, each role's applications, one application, entering an application
 * on the applicant's behalf, the talk-to-us-first queue and applications not yet acknowledged. Names and contact
 * details appear here, so only the staff group reaches these pages; monitoring answers never do (an application
 * does not hold them).
 */
public final class StaffApplicationPages {
    public static final String AREA = "/staff/applications";

    private StaffApplicationPages() {}

    public static String overview(StaffMember member, List<RoleCounts> roles, int held, int unacknowledged) {
        StringBuilder s = new StringBuilder("<h1>Applications</h1>");
        s.append("<ul class=\"nhsuk-grid-row nhsuk-card-group\">")
                .append(card("/staff/applications/talk-first", "Talk to the applicant first", held,
                        held == 1 ? "application is held until someone has talked with the applicant." : "applications are held until someone has talked with the applicant."))
                .append(card("/staff/applications/unacknowledged", "Not yet acknowledged", unacknowledged,
                        unacknowledged == 1 ? "application is waiting for its acknowledgement." : "applications are waiting for their acknowledgement."))
                .append("</ul>");
        s.append("<h2>Applications by role</h2>");
        if (roles.isEmpty()) {
            s.append("<p>No role has been published yet.</p>");
        } else {
            s.append(table("Every published role", List.of("Role", "Closes", "Applications", "Held", "Not yet acknowledged"), Numbers.NUMERIC_FROM_2,
                    roles.stream().map(c -> List.of(
                            link("/staff/roles/" + c.role().id() + "/applications", c.role().title()),
                            escape(c.role().closingTime().display()),
                            String.valueOf(c.applications()), String.valueOf(c.held()), String.valueOf(c.unacknowledged()))).toList()));
        }
        s.append("<p>To enter an application received by telephone, voice recording or post, open the role's applications.</p>");
        return StaffLayout.widePage(member, AREA, "Applications", false, null, s.toString());
    }

    public static String forRole(StaffMember member, ApplicationsForStaff.RoleApplications list) {
        Role r = list.role();
        StringBuilder s = new StringBuilder("<span class=\"nhsuk-caption-l\">").append(escape(r.title())).append("</span><h1>Applications</h1>")
                .append("<p>").append(StaffRolePages.tag(r.status())).append(" Closes ").append(escape(r.closingTime().display())).append(".</p>");
        s.append("<p><a class=\"nhsuk-button nhsuk-button--secondary\" data-module=\"nhsuk-button\" href=\"/staff/roles/").append(escape(r.id()))
                .append("/applications/new\">Enter an application received by telephone, voice recording or post</a></p>");
        if (list.rows().isEmpty()) {
            s.append("<p>There are no applications for this role yet.</p>");
        } else {
            s.append(table(list.rows().size() + (list.rows().size() == 1 ? " application" : " applications") + ", oldest first",
                    List.of("Reference", "Name", "Received", "How it came in", "Status", "Acknowledged"), Numbers.NONE,
                    list.rows().stream().map(row -> {
                        Application a = row.application();
                        return List.of(link("/staff/applications/" + a.reference(), a.reference()),
                                escape(a.answer(ApplicationForm.FULL_NAME)),
                                escape(ClosingTime.displayDate(a.submittedAt().atZone(ClosingTime.UK).toLocalDate())),
                                escape(row.howItCameIn()),
                                escape(a.status().label()),
                                row.acknowledged() ? "Yes" : "<strong>Not yet</strong>");
                    }).toList()));
        }
        s.append("<p><a href=\"/staff/roles/").append(escape(r.id())).append("\">See the role</a></p>");
        return StaffLayout.widePage(member, AREA, "Applications for " + r.title(), false, AREA, s.toString());
    }

    /** @param monitoringLink the applicant's own equal opportunities link, shown when staff must pass it on; null otherwise */
    public static String application(StaffMember member, Shown shown, String notice, String monitoringLink) {
        Application a = shown.application();
        Role r = shown.role();
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(StaffRolePages.success(notice));
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(r.title())).append("</span><h1>Application ").append(escape(a.reference())).append("</h1>");
        List<String[]> about = new ArrayList<>(List.of(
                StaffRolePages.row("Name", a.answer(ApplicationForm.FULL_NAME)),
                StaffRolePages.row("Status", a.status().label()),
                StaffRolePages.row("Received", ClosingTime.displayDate(a.submittedAt().atZone(ClosingTime.UK).toLocalDate())),
                StaffRolePages.row("How it came in", shown.howItCameIn()),
                StaffRolePages.row("Acknowledged", shown.acknowledged()
                        ? Stream.of("Yes", HandlingFacts.of(a).acknowledged()).filter(x -> x != null).reduce((x, y) -> x + ". " + y).orElse("Yes")
                        : "Not yet"),
                StaffRolePages.row("Talked with the applicant", join(HandlingFacts.of(a).talkFirst(), HandlingFacts.of(a).talkFirstBy()))));
        s.append(StaffRolePages.summary(about));

        List<String> actions = new ArrayList<>();
        if (a.status() == Application.Status.HELD_TO_TALK_FIRST) {
            s.append(warning("Held: talk to the applicant first", "They told us they have been: " + String.join("; ", shown.declared())
                    + ". Contact them before the application is assessed."));
            actions.add(link("/staff/applications/" + a.reference() + "/talk-first", "Record the conversation with the applicant"));
        }
        if (!shown.acknowledged()) actions.add(link("/staff/applications/" + a.reference() + "/acknowledge", "Mark as acknowledged"));
        if (!actions.isEmpty()) s.append("<ul class=\"nhsuk-list\">").append(actions.stream().map(x -> "<li>" + x + "</li>").reduce("", String::concat)).append("</ul>");
        if (monitoringLink != null) s.append(monitoringGuidance(a, monitoringLink));

        for (Section sec : shown.sections()) {
            s.append("<h2 class=\"nhsuk-heading-m\">").append(escape(sec.title())).append("</h2>");
            s.append(StaffRolePages.summary(sec.fields().stream().map(f -> StaffRolePages.row(f.label(), shownAnswer(f, a.answer(f.name())))).toList()));
        }
        s.append("<p><a href=\"/staff/roles/").append(escape(r.id())).append("/applications\">All applications for this role</a></p>");
        return StaffLayout.page(member, AREA, "Application " + a.reference(), false, "/staff/roles/" + r.id() + "/applications", s.toString());
    }

    /**
     * Staff never see monitoring answers: the applicant fills the form themselves, from a link that only writes. When
     * they get no e-mail, staff pass the link on.
     */
    private static String monitoringGuidance(Application a, String link) {
        String how = "post".equals(a.contactMethod()) ? "Include this link in your letter" : "Offer to read this link out or send it another way";
        return "<h2 class=\"nhsuk-heading-m\">Equal opportunities monitoring</h2>"
                + "<p>The applicant did not ask for email, so they have not been sent their own link to the separate equal opportunities form. "
                + escape(how) + ". Do not ask the questions or fill it in for them: their answers go straight to a separate store that no staff page can read.</p>"
                + "<div class=\"nhsuk-inset-text\"><p>" + escape(link) + "</p></div>";
    }

    private static String shownAnswer(Field f, String value) {
        if (value.isEmpty()) return "Not answered";
        return f.kind() == Field.Kind.AGREE ? "Agreed" : f.labelFor(value);
    }

    public static String enterForm(StaffMember member, EnteringForApplicant.Form form, Map<String, String> values, FieldErrors errors) {
        boolean hasErrors = errors != null && !errors.isEmpty();
        Role r = form.role();
        StringBuilder s = new StringBuilder(hasErrors ? FormFields.errorSummary(errors) : "");
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(r.title())).append("</span><h1>Enter an application for the applicant</h1>")
                .append("<p>Use this for an application that reached you by telephone, voice recording or post. Record the applicant's answers as they gave them, "
                        + "in the same questions they would see online. Tick the declarations only if the applicant agreed to them.</p>")
                .append("<p>Do not ask the equal opportunities questions. The applicant gets their own link to that separate form.</p>")
                .append("<form method=\"post\" action=\"/staff/roles/").append(escape(r.id())).append("/applications\" novalidate>")
                .append(FormFields.field(EnteringForApplicant.RECEIVED_BY_FIELD, values.getOrDefault(EnteringForApplicant.RECEIVED_BY, ""),
                        hasErrors ? errors.asMap().get(EnteringForApplicant.RECEIVED_BY) : null));
        for (Section sec : form.sections()) {
            s.append("<h2 class=\"nhsuk-heading-m\">").append(escape(sec.title())).append("</h2>")
                    .append(sec.intro() == null ? "" : "<p>" + escape(sec.intro()) + "</p>")
                    .append(FormFields.section(sec, values, errors));
        }
        s.append(FormFields.button("Save application")).append("</form>");
        return StaffLayout.page(member, AREA, "Enter an application", hasErrors, "/staff/roles/" + r.id() + "/applications", s.toString());
    }

    public static String cannotApply(StaffMember member, Role r, List<String> reasons) {
        String s = "<span class=\"nhsuk-caption-l\">" + escape(r.title()) + "</span><h1>The applicant cannot take this role</h1>"
                + "<p>Based on their answers, the applicant cannot be a partner in this role:</p>" + bullets(reasons)
                + "<p>Nothing has been saved. Please explain this to them kindly, and tell them about other roles they could apply for. "
                + "If an answer was recorded by mistake, <a href=\"/staff/roles/" + escape(r.id()) + "/applications/new\">enter the application again</a>.</p>";
        return StaffLayout.page(member, AREA, "The applicant cannot take this role", false, "/staff/roles/" + r.id() + "/applications", s);
    }

    public static String closed(StaffMember member, Role r) {
        String s = "<span class=\"nhsuk-caption-l\">" + escape(r.title()) + "</span><h1>This role is not taking applications</h1>"
                + "<p>Applications closed on " + escape(r.closingTime().display()) + ", or the role is not open. Nothing has been saved.</p>"
                + "<p>If the application reached you before the closing date, <a href=\"/staff/roles/" + escape(r.id())
                + "\">extend the closing date</a> first, then enter it.</p>";
        return StaffLayout.page(member, AREA, "This role is not taking applications", false, "/staff/roles/" + r.id() + "/applications", s);
    }

    public static String heldQueue(StaffMember member, List<Held> held, String notice) {
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(StaffRolePages.success(notice));
        s.append("<h1>Talk to the applicant first</h1><p>These applicants told us something about who can apply that the team must talk through "
                + "with them before their application is assessed. Contact each one, then record what you agreed.</p>");
        if (held.isEmpty()) {
            s.append("<p>No applications are waiting for a conversation.</p>");
        } else {
            s.append(table("Held applications, oldest first", List.of("Application", "Role", "They told us they have been", "How to contact them", ""), Numbers.NONE,
                    held.stream().map(h -> List.of(
                            link("/staff/applications/" + h.application().reference(), h.application().reference()) + "<br>" + escape(h.application().answer(ApplicationForm.FULL_NAME)),
                            escape(h.role().title()),
                            bullets(h.declared()),
                            contact(h.application()),
                            link("/staff/applications/" + h.application().reference() + "/talk-first", "Record the conversation",
                                    " with " + h.application().answer(ApplicationForm.FULL_NAME)))).toList()));
        }
        return StaffLayout.widePage(member, AREA, "Talk to the applicant first", false, AREA, s.toString());
    }

    public static String talkFirstForm(StaffMember member, Held h, Map<String, String> values, FieldErrors errors) {
        boolean hasErrors = errors != null && !errors.isEmpty();
        Application a = h.application();
        StringBuilder s = new StringBuilder(hasErrors ? FormFields.errorSummary(errors) : "");
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(a.reference())).append(", ").append(escape(h.role().title())).append("</span>")
                .append("<h1>Record the conversation with ").append(escape(a.answer(ApplicationForm.FULL_NAME))).append("</h1>")
                .append(StaffRolePages.summary(List.of(
                        StaffRolePages.row("They told us they have been", String.join("\n", h.declared())),
                        StaffRolePages.row("Preferred contact", a.contactMethod()))))
                .append(contact(a));
        if (a.status() != Application.Status.HELD_TO_TALK_FIRST) {
            s.append("<p>This application is not held any more: its status is ").append(escape(a.status().label())).append(".</p>");
            return StaffLayout.page(member, AREA, "Record the conversation", false, "/staff/applications/talk-first", s.toString());
        }
        s.append("<form method=\"post\" action=\"/staff/applications/").append(escape(a.reference())).append("/talk-first\" novalidate>");
        for (Field f : TalkFirstQueue.TALK_FIRST_FIELDS) s.append(FormFields.field(f, values.getOrDefault(f.name(), ""), hasErrors ? errors.asMap().get(f.name()) : null));
        s.append(FormFields.button("Save the result")).append("</form>");
        return StaffLayout.page(member, AREA, "Record the conversation", hasErrors, "/staff/applications/talk-first", s.toString());
    }

    public static String unacknowledged(StaffMember member, List<Waiting> waiting, String notice) {
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(StaffRolePages.success(notice));
        s.append("<h1>Applications not yet acknowledged</h1><p>Every application is acknowledged: by email at once, or by the team when the applicant "
                + "asked for telephone or post. Once you have acknowledged one yourself, mark it here.</p>");
        if (waiting.isEmpty()) {
            s.append("<p>Every application has been acknowledged.</p>");
        } else {
            s.append(table("Waiting for an acknowledgement, oldest first", List.of("Application", "Role", "Received", "Acknowledge by", "How", ""), Numbers.NONE,
                    waiting.stream().map(w -> {
                        Application a = w.application();
                        boolean byEmail = a.acknowledgement() == Application.Acknowledgement.EMAIL_QUEUED;
                        return List.of(
                                link("/staff/applications/" + a.reference(), a.reference()) + "<br>" + escape(a.answer(ApplicationForm.FULL_NAME)),
                                escape(w.role().title()),
                                escape(ClosingTime.displayDate(a.submittedAt().atZone(ClosingTime.UK).toLocalDate())),
                                escape(w.promisedByText()) + "<br>" + daysLeft(w.daysLeft()),
                                escape(byEmail ? "Email not sent yet" : "By " + a.contactMethod()) + "<br>" + contact(a),
                                link("/staff/applications/" + a.reference() + "/acknowledge", "Mark as acknowledged", " (" + a.reference() + ")"));
                    }).toList()));
        }
        return StaffLayout.widePage(member, AREA, "Applications not yet acknowledged", false, AREA, s.toString());
    }

    public static String acknowledgeForm(StaffMember member, Waiting w, Map<String, String> values, FieldErrors errors) {
        boolean hasErrors = errors != null && !errors.isEmpty();
        Application a = w.application();
        StringBuilder s = new StringBuilder(hasErrors ? FormFields.errorSummary(errors) : "");
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(a.reference())).append(", ").append(escape(w.role().title())).append("</span>")
                .append("<h1>Mark as acknowledged</h1>")
                .append("<p>").append(escape(a.answer(ApplicationForm.FULL_NAME))).append(" asked to be contacted by ").append(escape(a.contactMethod()))
                .append(". We promised to acknowledge the application by ").append(escape(w.promisedByText())).append(" (").append(daysLeft(w.daysLeft())).append(").</p>")
                .append(contact(a))
                .append("<form method=\"post\" action=\"/staff/applications/").append(escape(a.reference())).append("/acknowledge\" novalidate>")
                .append(FormFields.field(UnacknowledgedApplications.HOW_FIELD, values.getOrDefault(UnacknowledgedApplications.HOW, ""),
                        hasErrors ? errors.asMap().get(UnacknowledgedApplications.HOW) : null))
                .append(FormFields.button("Mark as acknowledged")).append("</form>");
        return StaffLayout.page(member, AREA, "Mark as acknowledged", hasErrors, "/staff/applications/unacknowledged", s.toString());
    }

    static String daysLeft(long days) {
        if (days == 0) return "<strong>Due today</strong>";
        if (days < 0) return "<strong>" + -days + (days == -1 ? " day" : " days") + " overdue</strong>";
        return days + (days == 1 ? " day" : " days") + " left";
    }

    /** How to reach the applicant: their preferred way first. */
    private static String contact(Application a) {
        List<String> lines = new ArrayList<>();
        if (!a.answer(ApplicationForm.PHONE).isEmpty()) lines.add("Phone: " + a.answer(ApplicationForm.PHONE));
        if (!a.answer(ApplicationForm.EMAIL).isEmpty()) lines.add("Email: " + a.answer(ApplicationForm.EMAIL));
        String address = String.join(", ", Stream.of(a.answer(ApplicationForm.ADDRESS_LINE_1), a.answer("addressLine2"), a.answer(ApplicationForm.TOWN),
                a.answer(ApplicationForm.POSTCODE)).filter(x -> !x.isBlank()).toList());
        if (!address.isEmpty()) lines.add("Address: " + address);
        String preferred = switch (a.contactMethod() == null ? "" : a.contactMethod()) {
            case "telephone" -> "Phone";
            case "post" -> "Address";
            default -> "Email";
        };
        lines.sort((x, y) -> Boolean.compare(!x.startsWith(preferred), !y.startsWith(preferred)));
        return "<p class=\"nhsuk-body-s\">" + String.join("<br>", lines.stream().map(org.involve.core.kit.Html::escape).toList()) + "</p>";
    }

    private static String join(String... parts) {
        return String.join(" ", Stream.of(parts).filter(p -> p != null && !p.isEmpty()).toList());
    }

    private static String card(String href, String title, int count, String description) {
        return "<li class=\"nhsuk-grid-column-one-half nhsuk-card-group__item\"><div class=\"nhsuk-card nhsuk-card--clickable\"><div class=\"nhsuk-card__content\">"
                + "<h2 class=\"nhsuk-card__heading nhsuk-heading-m\"><a class=\"nhsuk-card__link\" href=\"" + escape(href) + "\">" + escape(title) + "</a></h2>"
                + "<p class=\"nhsuk-card__description\">" + count + " " + escape(description) + "</p></div></div></li>";
    }

    private static String link(String href, String text) {
        return link(href, text, null);
    }

    /** @param hidden words only a screen reader hears, so a column of identical links says which row each is for */
    private static String link(String href, String text, String hidden) {
        return "<a href=\"" + escape(href) + "\">" + escape(text)
                + (hidden == null ? "" : "<span class=\"nhsuk-u-visually-hidden\">" + escape(hidden) + "</span>") + "</a>";
    }

    private static String bullets(List<String> items) {
        StringBuilder s = new StringBuilder("<ul>");
        items.forEach(i -> s.append("<li>").append(escape(i)).append("</li>"));
        return s.append("</ul>").toString();
    }

    private static String warning(String label, String text) {
        return "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>"
                + escape(label) + "</span></h2><p>" + escape(text) + "</p></div>";
    }

    /** Which columns hold numbers (aligned right). */
    private enum Numbers { NONE, NUMERIC_FROM_2 }

    /** An NHS.UK table; cells are HTML already escaped. */
    private static String table(String caption, List<String> headers, Numbers numeric, List<List<String>> rows) {
        StringBuilder s = new StringBuilder("<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">").append(escape(caption))
                .append("</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">");
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            s.append("<th scope=\"col\" class=\"nhsuk-table__header").append(numeric == Numbers.NUMERIC_FROM_2 && i >= 2 ? " nhsuk-table__header--numeric" : "")
                    .append("\">").append(h.isEmpty() ? "<span class=\"nhsuk-u-visually-hidden\">Action</span>" : escape(h)).append("</th>");
        }
        s.append("</tr></thead><tbody class=\"nhsuk-table__body\">");
        for (List<String> row : rows) {
            s.append("<tr class=\"nhsuk-table__row\">");
            for (int i = 0; i < row.size(); i++) {
                s.append("<td class=\"nhsuk-table__cell").append(numeric == Numbers.NUMERIC_FROM_2 && i >= 2 ? " nhsuk-table__cell--numeric" : "")
                        .append("\">").append(row.get(i)).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }
}
