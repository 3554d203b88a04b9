package org.involve.handlers.views;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.application.Referee;
import org.involve.core.references.ReferenceFacts;
import org.involve.core.references.ReferenceForm;
import org.involve.core.references.ReferenceRequest;
import org.involve.core.references.ReferenceStates;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.role.Role;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.util.List;
import java.util.Map;

import static org.involve.core.kit.Html.escape;

/** The staff references pages: roles at interview, each role's applicants with their references' states, and one applicant. */
public final class StaffReferencePages {
    public static final String AREA = "/staff/references";

    private StaffReferencePages() {}

    public static String roles(StaffMember member, List<Role> roles) {
        StringBuilder s = new StringBuilder("<h1>References</h1><p>Record interview results, and follow each successful applicant's references. "
                + "Roles appear here once they have closed.</p>");
        if (roles.isEmpty()) s.append("<p>No role has closed yet.</p>");
        else {
            s.append("<ul class=\"nhsuk-list nhsuk-list--border\">");
            for (Role r : roles) {
                s.append("<li><a href=\"").append(AREA).append('/').append(escape(r.id())).append("\">").append(escape(r.title())).append("</a> ")
                        .append(Templates.render("staff/roles/status.jte", r.status())).append("</li>");
            }
            s.append("</ul>");
        }
        return StaffLayout.page(member, AREA, "References", false, null, s.toString());
    }

    public static String role(StaffMember member, ReferencesDesk.RoleView view, String notice) {
        Role role = view.role();
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(notice(notice));
        s.append("<span class=\"nhsuk-caption-l\">References</span><h1>").append(escape(role.title())).append("</h1>");
        if (view.candidates().isEmpty()) {
            s.append("<p>No interviews are booked for this role yet.</p>");
        } else {
            s.append("<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Applicants from interview on</caption>")
                    .append("<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">")
                    .append(th("Applicant")).append(th("Stage")).append(th("References")).append("</tr></thead><tbody class=\"nhsuk-table__body\">");
            for (ReferencesDesk.Candidate c : view.candidates()) {
                Application a = c.application();
                s.append("<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"").append(link(role, a)).append("\">")
                        .append(escape(a.answer(ApplicationForm.FULL_NAME))).append("<span class=\"nhsuk-u-visually-hidden\"> (").append(escape(a.reference()))
                        .append(")</span></a><br><span class=\"nhsuk-body-s\">").append(escape(a.reference())).append("</span></td>")
                        .append("<td class=\"nhsuk-table__cell\">").append(escape(a.status().label())).append("</td><td class=\"nhsuk-table__cell\">");
                if (c.requests().isEmpty()) s.append(c.awaitingResult() ? "Record the interview result first" : "None requested");
                else {
                    s.append("<ul class=\"nhsuk-list\">");
                    for (ReferenceRequest r : c.requests()) {
                        s.append("<li>").append(capitalised(ApplicationForm.ordinal(r.number()))).append(" referee: ").append(escape(ReferenceStates.describe(r))).append("</li>");
                    }
                    s.append("</ul>");
                }
                s.append("</td></tr>");
            }
            s.append("</tbody></table>");
        }
        return StaffLayout.widePage(member, AREA, "References: " + role.title(), false, AREA, s.toString());
    }

    /** One applicant: the interview result form while their interview is booked, then each reference's state and what referees wrote. */
    public static String candidate(StaffMember member, Role role, ReferencesDesk.Candidate c, Map<String, String> values, FieldErrors errors, String notice) {
        Application a = c.application();
        String name = a.answer(ApplicationForm.FULL_NAME);
        StringBuilder s = new StringBuilder(FormFields.errorSummary(errors));
        if (notice != null) s.append(notice(notice));
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(role.title())).append(" - ").append(escape(a.reference())).append("</span><h1>")
                .append(escape(name)).append("</h1><p>Stage: <strong>").append(escape(a.status().label())).append("</strong></p>");
        if (c.awaitingResult() && member.may(Permission.MANAGE_INTERVIEWS)) {
            s.append("<h2>Record the interview result</h2><p>If the interview was successful, we email each referee at once with a link to a short "
                            + "reference form. If not, the applicant is told the outcome with the other applicants.</p>")
                    .append("<form method=\"post\" action=\"").append(link(role, a)).append("\" novalidate>");
            for (Field f : ReferencesDesk.RESULT_FIELDS) {
                s.append(FormFields.field(f, values.getOrDefault(f.name(), ""), errors == null ? null : errors.asMap().get(f.name())));
            }
            s.append(FormFields.button("Record result")).append("</form>");
        } else if (ReferenceFacts.of(a).resultRecorded()) {
            s.append("<p>Interview result: ").append(ReferenceFacts.of(a).interviewSuccessful() ? "successful" : "not successful");
            if (ReferenceFacts.of(a).interviewNote() != null) s.append(". Note: ").append(escape(ReferenceFacts.of(a).interviewNote()));
            s.append("</p>");
        }
        List<Referee> referees = Referee.all(a.answers());
        if (!c.requests().isEmpty()) {
            s.append("<h2>References</h2>");
            for (ReferenceRequest r : c.requests()) {
                Referee referee = referees.stream().filter(x -> x.number() == r.number()).findFirst().orElse(null);
                String heading = capitalised(ApplicationForm.ordinal(r.number())) + " referee" + (referee == null ? "" : ": " + referee.name());
                s.append("<h3>").append(escape(heading)).append("</h3><p>").append(tag(r)).append(" ")
                        .append(escape(ReferenceStates.describe(r))).append("</p>");
                StringBuilder rows = new StringBuilder();
                if (referee != null) {
                    rows.append(row("Email", referee.email())).append(row("Telephone", referee.phone()))
                            .append(row("How the applicant says they know them", referee.relationship() + " (" + referee.knownFor() + ")"));
                }
                if (r.received()) {
                    for (Field f : ReferenceForm.section(role.title()).fields()) {
                        String v = r.answers().getOrDefault(f.name(), "");
                        if (f.kind() == Field.Kind.AGREE) v = v.isEmpty() ? "Not confirmed" : "Confirmed";
                        else if (!v.isEmpty()) v = f.labelFor(v);
                        if (!v.isEmpty()) rows.append(row(f.label(), v));
                    }
                }
                s.append("<dl class=\"nhsuk-summary-list\">").append(rows).append("</dl>");
            }
        }
        if (a.status() == Application.Status.REFERENCES_RECEIVED) {
            s.append("<p>Every reference is in. <a href=\"/staff/partners/").append(escape(role.id())).append("\">Appoint the partner</a>.</p>");
        }
        return StaffLayout.page(member, AREA, name, errors != null && !errors.isEmpty(), AREA + "/" + role.id(), s.toString());
    }

    private static String link(Role role, Application a) {
        return AREA + "/" + escape(role.id()) + "/" + escape(a.reference());
    }

    private static String th(String text) {
        return "<th scope=\"col\" class=\"nhsuk-table__header\">" + escape(text) + "</th>";
    }

    private static String row(String key, String value) {
        return "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">" + escape(key) + "</dt><dd class=\"nhsuk-summary-list__value\">"
                + escape(value).replace("\n", "<br>") + "</dd></div>";
    }

    private static String notice(String text) {
        return "<div class=\"nhsuk-inset-text\"><span class=\"nhsuk-u-visually-hidden\">Information: </span><p role=\"status\">" + escape(text) + "</p></div>";
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(java.util.Locale.UK) + word.substring(1);
    }

    /** The state as an NHS.UK tag: green received, red overdue, grey waiting. */
    private static String tag(ReferenceRequest r) {
        String colour = r.received() ? "green" : r.overdue() ? "red" : "grey";
        return "<strong class=\"nhsuk-tag nhsuk-tag--" + colour + "\">" + escape(ReferenceStates.tag(r)) + "</strong>";
    }
}
