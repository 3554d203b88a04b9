package org.involve.handlers.views;

import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.ClosingTime;
import org.involve.core.role.Role;
import org.involve.core.role.RoleForm;
import org.involve.core.role.RoleManagement;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.StaffMember;

import java.util.List;
import java.util.Map;

import static org.involve.core.kit.Html.escape;

/** The staff pages for roles: the list, a role with its actions, the role form, and extending a closing date. */
public final class StaffRolePages {
    public static final String AREA = "/staff/roles";

    private StaffRolePages() {}

    public static String list(StaffMember member, List<RoleManagement.Listed> roles, String notice) {
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(success(notice));
        s.append("<h1>Roles</h1><p><a class=\"nhsuk-button\" data-module=\"nhsuk-button\" href=\"/staff/roles/new\">Create a role</a></p>");
        if (roles.isEmpty()) {
            s.append("<p>There are no roles yet.</p>");
        } else {
            s.append("<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Every role, open and draft first</caption>")
                    .append("<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\"><th scope=\"col\" class=\"nhsuk-table__header\">Role</th>")
                    .append("<th scope=\"col\" class=\"nhsuk-table__header\">Status</th><th scope=\"col\" class=\"nhsuk-table__header\">Closes</th>")
                    .append("<th scope=\"col\" class=\"nhsuk-table__header nhsuk-table__header--numeric\">Applications</th></tr></thead><tbody class=\"nhsuk-table__body\">");
            for (RoleManagement.Listed l : roles) {
                Role r = l.role();
                s.append("<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"/staff/roles/").append(escape(r.id())).append("\">")
                        .append(escape(r.title())).append("</a></td><td class=\"nhsuk-table__cell\">").append(tag(r.status()))
                        .append("</td><td class=\"nhsuk-table__cell\">").append(escape(r.closingTime().display()))
                        .append("</td><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">").append(l.applications()).append("</td></tr>");
            }
            s.append("</tbody></table>");
        }
        return StaffLayout.widePage(member, AREA, "Roles", false, null, s.toString());
    }

    public static String tag(RoleStatus status) {
        String colour = switch (status) {
            case OPEN -> "green";
            case DRAFT -> "grey";
            case SHORTLISTING -> "blue";
            case WITHDRAWN -> "red";
            case FILLED -> "purple";
        };
        String label = switch (status) {
            case OPEN -> "Open";
            case DRAFT -> "Draft";
            case SHORTLISTING -> "Shortlisting";
            case WITHDRAWN -> "Withdrawn";
            case FILLED -> "Filled";
        };
        return "<strong class=\"nhsuk-tag nhsuk-tag--" + colour + "\">" + label + "</strong>";
    }

    /** A role as staff see it, with what can be done to it now. {@code problem} is a refusal to show at the top. */
    public static String role(StaffMember member, Role r, int applications, String notice, String problem) {
        StringBuilder s = new StringBuilder();
        if (problem != null) s.append(FormFields.problemSummary(problem));
        if (notice != null) s.append(success(notice));
        String id = escape(r.id());
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(r.organisation())).append("</span><h1>").append(escape(r.title())).append("</h1>")
                .append("<p>").append(tag(r.status())).append("</p>");
        s.append(summary(List.of(
                row("Programme or group", r.programme()),
                row("Summary", r.summary()),
                row("Closing date", r.closingTime().display()),
                row("Applications", String.valueOf(applications)),
                row("Places", r.places() + (r.placesNote() == null || r.placesNote().isBlank() ? "" : " (" + r.placesNote() + ")")),
                row("Priority places", r.priorityPlaces() == 0 ? "None" : r.priorityPlaces() + " for " + String.join(", ", r.priorityCommunities())),
                row("Essential criteria", String.join("\n", r.essentialCriteria().map(c -> c.statement()).toList())),
                row("Desirable criteria", String.join("\n", r.desirableCriteria().map(c -> c.statement()).toList())),
                row("Interviews", "By " + r.interviewFormat() + ", week commencing " + ClosingTime.displayDate(r.interviewWeekCommencing())),
                row("References", String.valueOf(r.referencesRequired())),
                row("Acknowledge within", r.acknowledgementDays() + " days"),
                row("Meetings", r.commitment().meetings()),
                row("Time asked", r.commitment().timeAsked()),
                row("Attendance", r.commitment().attendanceExpectation()),
                row("Tenure", r.tenure().describe()),
                row("Payment", r.payment().describe()),
                row("All NHS staff excluded", r.eligibility().excludesAllNhsStaff() ? "Yes" : "No"),
                row("Most paid roles at once", String.valueOf(r.eligibility().maximumPaidRoles())),
                row("Contact", r.contact().name() + ", " + r.contact().email() + (r.contact().phone() == null || r.contact().phone().isBlank() ? "" : ", " + r.contact().phone())),
                row("Team email", r.contact().teamEmail()),
                row("Benefits advice email", r.contact().benefitsAdviceEmail()))));
        s.append("<p><a href=\"/staff/roles/").append(id).append("/applications\">See this role's applications</a></p>");
        s.append("<h2>What you can do</h2>");
        if (r.status() == RoleStatus.DRAFT || r.status() == RoleStatus.OPEN) {
            s.append("<p><a href=\"/staff/roles/").append(id).append("/edit\">Change this role<span class=\"nhsuk-u-visually-hidden\"> (").append(escape(r.title())).append(")</span></a></p>");
        }
        if (r.status() == RoleStatus.DRAFT) {
            s.append("<p>Publishing puts the role on the public site, open for applications until ").append(escape(r.closingTime().display())).append(".</p>")
                    .append(postButton("/staff/roles/" + r.id() + "/publish", "Publish role", ""));
        }
        if (r.status() == RoleStatus.OPEN) {
            s.append("<p><a href=\"/staff/roles/").append(id).append("/extend\">Extend the closing date</a></p>")
                    .append("<p><a href=\"/roles/").append(id).append("\">See the role on the public site</a></p>");
        }
        if (r.status() != RoleStatus.WITHDRAWN && r.status() != RoleStatus.FILLED) {
            s.append("<p><a href=\"/staff/roles/").append(id).append("/withdraw\">Withdraw this role</a></p>");
        }
        return StaffLayout.page(member, AREA, r.title(), problem != null, "/staff/roles", s.toString());
    }

    public static String form(StaffMember member, Role editing, Map<String, String> values, FieldErrors errors) {
        boolean hasErrors = errors != null && !errors.isEmpty();
        String title = editing == null ? "Create a role" : "Change " + editing.title();
        String action = editing == null ? "/staff/roles" : "/staff/roles/" + editing.id() + "/edit";
        StringBuilder s = new StringBuilder(hasErrors ? FormFields.errorSummary(errors) : "");
        s.append("<h1>").append(escape(title)).append("</h1>");
        if (editing == null) s.append("<p>The role is saved as a draft. You can check it, then publish it.</p>");
        s.append("<form method=\"post\" action=\"").append(escape(action)).append("\" novalidate>");
        boolean closingFixed = editing != null && editing.status() != RoleStatus.DRAFT;
        for (RoleForm.Part part : RoleForm.PARTS) {
            s.append("<h2 class=\"nhsuk-heading-m\">").append(escape(part.heading())).append("</h2>");
            for (RoleForm.Question q : part.questions()) {
                String error = errors == null ? null : errors.asMap().get(RoleForm.anchor(q));
                if (q instanceof RoleForm.DateQuestion d) {
                    if (closingFixed && d.name().equals(RoleForm.CLOSING)) {
                        s.append("<p>Closing date: <strong>").append(escape(editing.closingTime().display())).append("</strong>. ")
                                .append("<a href=\"/staff/roles/").append(escape(editing.id())).append("/extend\">Extend the closing date</a> instead.</p>");
                        RoleForm.valuesOf(editing).forEach((k, v) -> { if (k.startsWith(RoleForm.CLOSING + "-")) s.append("<input type=\"hidden\" name=\"").append(escape(k)).append("\" value=\"").append(escape(v)).append("\">"); });
                        continue;
                    }
                    s.append(DateInput.render(d.name(), d.legend(), d.hint(), values, error));
                } else {
                    Field f = ((RoleForm.Plain) q).field();
                    s.append(FormFields.field(f, values.getOrDefault(f.name(), ""), error));
                }
            }
        }
        s.append(FormFields.button(editing == null ? "Save as draft" : "Save changes")).append("</form>");
        return StaffLayout.page(member, AREA, title, hasErrors, editing == null ? "/staff/roles" : "/staff/roles/" + editing.id(), s.toString());
    }

    public static String extend(StaffMember member, Role r, Map<String, String> values, FieldErrors errors) {
        boolean hasErrors = errors != null && !errors.isEmpty();
        String s = (hasErrors ? FormFields.errorSummary(errors) : "")
                + "<span class=\"nhsuk-caption-l\">" + escape(r.title()) + "</span><h1>Extend the closing date</h1>"
                + "<p>Applications now close on " + escape(r.closingTime().display()) + ". The new date must be later, and before the interview week.</p>"
                + "<form method=\"post\" action=\"/staff/roles/" + escape(r.id()) + "/extend\" novalidate>"
                + DateInput.render(RoleForm.CLOSING, "New closing date", "Applications close at 11:59pm UK time on this date. For example, 8 12 2025", values,
                hasErrors ? errors.asMap().get(RoleForm.CLOSING + "-day") : null)
                + FormFields.button("Extend closing date") + "</form>";
        return StaffLayout.page(member, AREA, "Extend the closing date", hasErrors, "/staff/roles/" + r.id(), s);
    }

    /** Withdrawing cannot be undone, so it is asked for twice. */
    public static String confirmWithdraw(StaffMember member, Role r, int applications) {
        String s = "<span class=\"nhsuk-caption-l\">" + escape(r.title()) + "</span><h1>Are you sure you want to withdraw this role?</h1>"
                + "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>This cannot be undone</span></h2>"
                + "<p>Withdrawing takes the role off the public site and stops applications."
                + (applications > 0 ? " It has " + applications + (applications == 1 ? " application" : " applications") + ": tell the applicants yourself." : "")
                + "</p></div>"
                + postButton("/staff/roles/" + r.id() + "/withdraw", "Withdraw role", " nhsuk-button--warning")
                + "<p><a href=\"/staff/roles/" + escape(r.id()) + "\">No, keep the role</a></p>";
        return StaffLayout.page(member, AREA, "Withdraw " + r.title(), false, "/staff/roles/" + r.id(), s);
    }

    /** A form with one button that posts to {@code action}: for actions that change something. */
    public static String postButton(String action, String label, String modifier) {
        return "<form method=\"post\" action=\"" + escape(action) + "\" novalidate><button class=\"nhsuk-button" + modifier
                + "\" data-module=\"nhsuk-button\" data-prevent-double-click=\"true\" type=\"submit\">" + escape(label) + "</button></form>";
    }

    /** What a finished action says, at the top of the page it leads to. */
    public static String success(String notice) {
        return "<div class=\"nhsuk-inset-text\"><span class=\"nhsuk-u-visually-hidden\">Information: </span><p role=\"status\">" + escape(notice) + "</p></div>";
    }


    static String[] row(String key, String value) {
        return new String[]{key, value};
    }

    static String summary(List<String[]> rows) {
        StringBuilder s = new StringBuilder("<dl class=\"nhsuk-summary-list\">");
        for (String[] r : rows) {
            if (r[1] == null || r[1].isBlank()) continue;
            s.append("<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">").append(escape(r[0]))
                    .append("</dt><dd class=\"nhsuk-summary-list__value\">").append(escape(r[1]).replace("\n", "<br>")).append("</dd></div>");
        }
        return s.append("</dl>").toString();
    }
}
