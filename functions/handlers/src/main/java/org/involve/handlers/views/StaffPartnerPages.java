package org.involve.handlers.views;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.outcomes.Appointing;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.kit.ClosingTime;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.involve.core.kit.Html.escape;

/** The partner pages: roles with people to appoint, a role's applicants and partners, the appointment form and the partner record. */
public final class StaffPartnerPages {
    public static final String AREA = "/staff/partners";
    private static final Field PAYMENT = Field.radios(Appointing.PAYMENT, "Involvement payment", "Their answer on the application is selected. They may change their mind.",
            List.of(new Field.Option("accept", "They accept the payment"), new Field.Option("decline", "They decline the payment")),
            "Select whether they accept or decline the involvement payment");
    private static final Field STEP_DOWN = Field.agree(Appointing.STEP_DOWN, "They will step down from another paid role before they start", null,
            "Confirm they will step down from another paid role");

    private StaffPartnerPages() {}

    public static String list(StaffMember member, List<Appointing.RoleSummary> roles) {
        StringBuilder s = new StringBuilder("<h1>Partners</h1><p>Roles that have closed, with applicants whose references are both in, and the partners appointed.</p>");
        if (roles.isEmpty()) {
            s.append("<p>Nobody is ready to appoint yet. Applicants appear here once both their references have been received.</p>");
        } else {
            List<String[]> rows = new ArrayList<>();
            for (var r : roles) rows.add(new String[]{r.role().title(), String.valueOf(r.ready()), String.valueOf(r.appointed())});
            s.append("<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption nhsuk-u-visually-hidden\">Roles with partners</caption>")
                    .append("<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\"><th scope=\"col\" class=\"nhsuk-table__header\">Role</th>")
                    .append("<th scope=\"col\" class=\"nhsuk-table__header nhsuk-table__header--numeric\">Ready to appoint</th>")
                    .append("<th scope=\"col\" class=\"nhsuk-table__header nhsuk-table__header--numeric\">Appointed</th></tr></thead><tbody class=\"nhsuk-table__body\">");
            for (var r : roles) {
                s.append("<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"/staff/partners/").append(escape(r.role().id())).append("\">")
                        .append(escape(r.role().title())).append("</a></td><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">").append(r.ready())
                        .append("</td><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">").append(r.appointed()).append("</td></tr>");
            }
            s.append("</tbody></table>");
        }
        return StaffLayout.widePage(member, AREA, "Partners", false, null, s.toString());
    }

    public static String role(StaffMember member, Role role, List<Appointing.Candidate> candidates, String notice) {
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(StaffRolePages.success(notice));
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(role.title())).append("</span><h1>Partners</h1>")
                .append("<p>").append(role.places()).append(role.places() == 1 ? " place" : " places").append(". ").append(escape(role.tenure().describe())).append("</p>")
                .append("<h2 class=\"nhsuk-heading-m\">Ready to appoint</h2>");
        List<Appointing.Candidate> ready = candidates.stream().filter(c -> c.appointment() == null).toList();
        if (ready.isEmpty()) s.append("<p>Nobody is waiting to be appointed. Applicants appear here once both their references have been received.</p>");
        else {
            s.append("<ul class=\"nhsuk-list\">");
            for (var c : ready) {
                Application a = c.application();
                s.append("<li><a href=\"/staff/partners/").append(escape(role.id())).append("/").append(escape(a.reference())).append("\">Appoint ")
                        .append(escape(a.answer(ApplicationForm.FULL_NAME))).append("</a> (").append(escape(a.reference())).append(")</li>");
            }
            s.append("</ul>");
        }
        s.append("<h2 class=\"nhsuk-heading-m\">Appointed</h2>");
        List<Appointing.Candidate> appointed = candidates.stream().filter(c -> c.appointment() != null).toList();
        if (appointed.isEmpty()) s.append("<p>Nobody has been appointed yet.</p>");
        else {
            List<String[]> rows = new ArrayList<>();
            for (var c : appointed) {
                Appointment p = c.appointment();
                rows.add(new String[]{c.application().answer(ApplicationForm.FULL_NAME), ClosingTime.displayDate(p.start()), ClosingTime.displayDate(p.ends()), payment(p)});
            }
            s.append(StaffOutcomePages.table("Partners appointed to " + role.title(), List.of("Partner", "Starts", "Ends unless extended", "Payment"), rows));
            s.append("<ul class=\"nhsuk-list\">");
            for (var c : appointed) {
                s.append("<li><a href=\"/staff/partners/").append(escape(role.id())).append("/").append(escape(c.application().reference())).append("\">Partner record for ")
                        .append(escape(c.application().answer(ApplicationForm.FULL_NAME))).append("</a></li>");
            }
            s.append("</ul>");
        }
        return StaffLayout.page(member, AREA, "Partners: " + role.title(), false, AREA, s.toString());
    }

    /** The appointment form. {@code problem} is a refusal (such as the paid-role limit) shown as the error summary. */
    public static String form(StaffMember member, Appointing.Form f, FieldErrors errors, String problem) {
        Role role = f.role();
        Application a = f.application();
        boolean hasErrors = (errors != null && !errors.isEmpty()) || problem != null;
        String name = a.answer(ApplicationForm.FULL_NAME);
        Map<String, String> err = errors == null ? Map.of() : errors.asMap();
        StringBuilder s = new StringBuilder();
        if (problem != null) s.append(FormFields.problemSummary(problem));
        else if (hasErrors) s.append(FormFields.errorSummary(errors));
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(role.title())).append("</span><h1>Appoint ").append(escape(name)).append("</h1>")
                .append(StaffRolePages.summary(List.of(
                        StaffRolePages.row("Reference", a.reference()),
                        StaffRolePages.row("Where they are", a.status().label()),
                        StaffRolePages.row("Contact by", a.contactMethod()),
                        StaffRolePages.row("Term", role.tenure().describe()),
                        StaffRolePages.row("Payment", role.payment().describe()),
                        StaffRolePages.row("Paid roles held", f.paidRolesHeld() + " (most allowed at once: " + role.eligibility().maximumPaidRoles() + ")"))))
                .append("<form method=\"post\" action=\"/staff/partners/").append(escape(role.id())).append("/").append(escape(a.reference())).append("\" novalidate>")
                .append(DateInput.render(Appointing.START, "When do they start?", "Confirm the start date with them. For example, 6 1 2026", f.values(), err.get(Appointing.START + "-day")));
        if (role.payment().isPaid()) s.append(FormFields.field(PAYMENT, f.values().getOrDefault(Appointing.PAYMENT, ""), err.get(Appointing.PAYMENT)));
        if (f.atLimit()) {
            s.append("<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>")
                    .append("They already hold ").append(f.paidRolesHeld()).append(" paid roles</span></h2><p>Nobody can hold more than ")
                    .append(role.eligibility().maximumPaidRoles()).append(" paid roles at a time. To take this role with its payment they must step down from another one before ")
                    .append("they start. They can also decline the payment.</p></div>")
                    .append(FormFields.field(STEP_DOWN, f.values().getOrDefault(Appointing.STEP_DOWN, ""), err.get(Appointing.STEP_DOWN)));
        }
        s.append("<p>Appointing sends ").append(OutcomeFacts.byEmail(a) ? "them the welcome email with the next steps"
                : "the team a task to " + ("telephone".equals(a.contactMethod()) ? "telephone" : "write to") + " them with the outcome and next steps").append(".</p>")
                .append(FormFields.button("Appoint")).append("</form>");
        return StaffLayout.page(member, AREA, "Appoint " + name, hasErrors, AREA + "/" + role.id(), s.toString());
    }

    /** The partner record. */
    public static String record(StaffMember member, Role role, Application a, Appointment p, String notice) {
        String name = a.answer(ApplicationForm.FULL_NAME);
        StringBuilder s = new StringBuilder();
        if (notice != null) s.append(StaffRolePages.success(notice));
        s.append("<span class=\"nhsuk-caption-l\">Partner record</span><h1>").append(escape(name)).append("</h1>")
                .append(StaffRolePages.summary(List.of(
                        StaffRolePages.row("Role", role.title()),
                        StaffRolePages.row("Status", p.status().name().charAt(0) + p.status().name().substring(1).toLowerCase(java.util.Locale.UK)),
                        StaffRolePages.row("Starts", ClosingTime.displayDate(p.start())),
                        StaffRolePages.row("Term ends", p.termEnds() == null ? "No fixed term" : ClosingTime.displayDate(p.termEnds())),
                        StaffRolePages.row("Review date", p.reviewDate() == null ? "" : ClosingTime.displayDate(p.reviewDate())),
                        StaffRolePages.row("Latest end", ClosingTime.displayDate(p.latestEnd()) + " (" + role.tenure().maximumYears() + " years in the role at most)"),
                        StaffRolePages.row("Extensions used", p.extensionsUsed() + " of " + role.tenure().extensionsAllowed()),
                        StaffRolePages.row("Payment", payment(p)),
                        StaffRolePages.row("Stepping down from another paid role", p.steppingDown() ? "Yes, before they start" : ""),
                        StaffRolePages.row("Application", a.reference()),
                        StaffRolePages.row("Outcome", OutcomeFacts.taskOpen(a) ? "Not told yet: the team is to " + a.contactMethod() + " them"
                                : OutcomeFacts.of(a).toldByEmail() ? "Welcome email sent" : "Told by " + a.contactMethod()))));
        if (OutcomeFacts.taskOpen(a)) s.append(StaffOutcomePages.task(role, a));
        return StaffLayout.page(member, AREA, name + ", partner record", false, AREA + "/" + role.id(), s.toString());
    }

    static String payment(Appointment p) {
        return p.payment() == PaymentChoice.ACCEPTED ? "Accepted" : p.payment() == PaymentChoice.DECLINED ? "Declined" : "Voluntary role, unpaid";
    }
}
