package org.involve.handlers.views;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.RoleForm;
import org.involve.core.role.RoleManagement;
import org.involve.core.role.RoleReadingAge;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.StaffMember;

/** The staff pages for roles: the list, a role with its actions, the role form, and extending a closing date (templates in staff/roles/). */
public final class StaffRolePages {
    public static final String AREA = "/staff/roles";
    private static final Words ROLES = Words.of("roles");

    private StaffRolePages() {}

    public record RoleList(StaffMember member, List<RoleManagement.Listed> roles, String notice) {}

    /** A role as staff see it; {@code facts} are the summary list's rows. */
    public record Shown(
            StaffMember member, Role role, List<SummaryRow> facts, String notice, String problem) {}

    /**
     * The role form (and the extend form): {@code editing} is null when creating a role. {@code values} carry the
     * role's version ({@link RoleManagement#VERSION}) the form was read at. When someone else changed the role
     * meanwhile, {@code entered} lists what this person entered that the role as it is now does not say (the form
     * then shows the role as it is now), and {@code problem} says so.
     */
    public record Form(
            StaffMember member,
            Role editing,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            List<RoleForm.Difference> entered) {
        public boolean hasErrors() {
            return errors != null && !errors.isEmpty();
        }

        public boolean changedMeanwhile() {
            return entered != null;
        }

        public String version() {
            return values.get(RoleManagement.VERSION);
        }

        /** A value's lines, for a table cell. */
        public static String[] lines(String value) {
            return value.split("\n");
        }

        /** How easy the role's public words, as they stand on this form, are to read (issue 14, item 4). */
        public RoleReadingAge readingAge() {
            return RoleReadingAge.of(values);
        }

        public String error(String anchor) {
            return errors == null ? null : errors.asMap().get(anchor);
        }
    }

    public record Withdraw(StaffMember member, Role role, int applications) {}

    public static String list(
            StaffMember member, List<RoleManagement.Listed> roles, String notice) {
        return Templates.render("staff/roles/list.jte", new RoleList(member, roles, notice));
    }

    /** A role as staff see it, with what can be done to it now. {@code problem} is a refusal to show at the top. */
    public static String role(
            StaffMember member, Role r, int applications, String notice, String problem) {
        return Templates.render(
                "staff/roles/role.jte",
                new Shown(member, r, facts(r, applications), notice, problem));
    }

    private static List<SummaryRow> facts(Role r, int applications) {
        String places =
                r.placesNote() == null || r.placesNote().isBlank()
                        ? String.valueOf(r.places())
                        : ROLES.format(
                                "page.role.row.placesNote",
                                "places",
                                r.places(),
                                "note",
                                r.placesNote());
        String priority =
                r.priorityPlaces() == 0
                        ? ROLES.get("page.role.row.priorityNone")
                        : ROLES.format(
                                "page.role.row.priorityFor",
                                "count",
                                r.priorityPlaces(),
                                "communities",
                                String.join(", ", r.priorityCommunities()));
        String phone =
                r.contact().phone() == null || r.contact().phone().isBlank()
                        ? ""
                        : ", " + r.contact().phone();
        return List.of(
                row("programme", r.programme()),
                row("summary", r.summary()),
                row("closing", r.closingTime().display()),
                row("applications", String.valueOf(applications)),
                row("places", places),
                row("priority", priority),
                row(
                        "essential",
                        String.join("\n", r.essentialCriteria().map(c -> c.statement()).toList())),
                row(
                        "desirable",
                        String.join("\n", r.desirableCriteria().map(c -> c.statement()).toList())),
                row(
                        "interviews",
                        ROLES.format(
                                "page.role.row.interviewsValue",
                                "format",
                                r.interviewFormat(),
                                "week",
                                ClosingTime.displayDate(r.interviewWeekCommencing()))),
                row("references", String.valueOf(r.referencesRequired())),
                row(
                        "acknowledge",
                        ROLES.format(
                                "page.role.row.acknowledgeValue", "days", r.acknowledgementDays())),
                row("meetings", r.commitment().meetings()),
                row("timeAsked", r.commitment().timeAsked()),
                row("attendance", r.commitment().attendanceExpectation()),
                row("tenure", r.tenure().describe()),
                row("payment", r.payment().describe()),
                row(
                        "excludesNhsStaff",
                        ROLES.get(
                                r.eligibility().excludesAllNhsStaff()
                                        ? "page.role.yes"
                                        : "page.role.no")),
                row("maximumPaidRoles", String.valueOf(r.eligibility().maximumPaidRoles())),
                row("contact", r.contact().name() + ", " + r.contact().email() + phone),
                row("teamEmail", r.contact().teamEmail()),
                row("benefitsEmail", r.contact().benefitsAdviceEmail()));
    }

    private static SummaryRow row(String key, String value) {
        return new SummaryRow(ROLES.get("page.role.row." + key), value);
    }

    public static String form(
            StaffMember member, Role editing, Map<String, String> values, FieldErrors errors) {
        return Templates.render(
                "staff/roles/form.jte", new Form(member, editing, values, errors, null, null));
    }

    /** A role's values for its form, with the version they were read at. */
    public static Map<String, String> valuesOf(Role r) {
        Map<String, String> values = new HashMap<>(RoleForm.valuesOf(r));
        values.put(RoleManagement.VERSION, r.version());
        return values;
    }

    /**
     * The role form again after someone else changed the role while this person was working on it: the form holds the
     * role as it is now (and its version), and above it what they entered that differs, so they can apply it again. An
     * open role's closing date is not theirs to change here, so it is never listed as something they entered.
     */
    public static String changedMeanwhile(
            StaffMember member, Role current, Map<String, String> posted) {
        Map<String, String> now = valuesOf(current);
        Map<String, String> entered = new HashMap<>(posted);
        if (current.status() != RoleStatus.DRAFT)
            now.keySet().stream()
                    .filter(k -> k.startsWith(RoleForm.CLOSING + "-"))
                    .forEach(k -> entered.put(k, now.get(k)));
        return Templates.render(
                "staff/roles/form.jte",
                new Form(
                        member,
                        current,
                        now,
                        null,
                        ROLES.get("error.changedMeanwhile"),
                        RoleForm.differences(now, entered)));
    }

    public static String extend(
            StaffMember member, Role r, Map<String, String> values, FieldErrors errors) {
        return extend(member, r, values, errors, null);
    }

    /** The extend form; {@code problem} (someone else changed the role meanwhile) is shown at the top. */
    public static String extend(
            StaffMember member,
            Role r,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        return Templates.render(
                "staff/roles/extend.jte", new Form(member, r, values, errors, problem, null));
    }

    /** Withdrawing cannot be undone, so it is asked for twice. */
    public static String confirmWithdraw(StaffMember member, Role r, int applications) {
        return Templates.render("staff/roles/withdraw.jte", new Withdraw(member, r, applications));
    }
}
