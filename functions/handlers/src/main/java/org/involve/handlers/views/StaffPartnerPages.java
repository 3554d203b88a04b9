package org.involve.handlers.views;

import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Paging;
import org.involve.core.kit.Words;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.PartnerDocument;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

/** The partner pages: roles with people to appoint, a role's applicants and partners, the appointment form and the partner record (templates in staff/partners/). */
public final class StaffPartnerPages {
    public static final String AREA = "/staff/partners";
    private static final Words PARTNERS = Words.of("partners");
    public static final Field PAYMENT =
            Field.radios(
                    Appointing.PAYMENT,
                    PARTNERS.get("field.payment.label"),
                    PARTNERS.get("field.payment.hint"),
                    List.of(
                            new Field.Option("accept", PARTNERS.get("field.payment.accept")),
                            new Field.Option("decline", PARTNERS.get("field.payment.decline"))),
                    PARTNERS.get("field.payment.error"));
    public static final Field STEP_DOWN =
            Field.agree(
                    Appointing.STEP_DOWN,
                    PARTNERS.get("field.stepDown.label"),
                    null,
                    PARTNERS.get("field.stepDown.error"));

    private StaffPartnerPages() {}

    public record RoleList(
            StaffMember member,
            List<Appointing.RoleSummary> roles,
            PartnerDirectory.Choices choices,
            PartnerDirectory.Filter filter,
            Paging.Page<PartnerDirectory.Row> page) {
        public List<PartnerDirectory.Row> partners() {
            return page.items();
        }

        /** The link to the page before this one, with the same filter; null when this is the first. */
        public String previousHref() {
            return href(page.previous());
        }

        public String nextHref() {
            return href(page.next());
        }

        private String href(Paging.Cursor c) {
            if (c == null) return null;
            StringBuilder q = new StringBuilder();
            if (filter.programme() != null)
                q.append("programme=").append(encode(filter.programme())).append('&');
            if (filter.roleId() != null)
                q.append("role=").append(encode(filter.roleId())).append('&');
            if (filter.status() != null)
                q.append("status=").append(filter.status().name()).append('&');
            return StaffPaths.PARTNERS.fill() + "?" + q + c.query() + "#partners";
        }

        private static String encode(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }

        public List<Field.Option> roleOptions() {
            return choices.roles().stream().map(r -> new Field.Option(r.id(), r.title())).toList();
        }

        public List<Field.Option> programmeOptions() {
            return choices.programmes().stream().map(p -> new Field.Option(p, p)).toList();
        }

        public List<Field.Option> statusOptions() {
            return java.util.Arrays.stream(PartnerStatus.values())
                    .map(
                            s ->
                                    new Field.Option(
                                            s.name(),
                                            PARTNERS.get("page.record.status." + s.name())))
                    .toList();
        }
    }

    /** A role's applicants ready to appoint and its partners. */
    public record RolePage(
            StaffMember member,
            Role role,
            List<Appointing.Candidate> ready,
            List<Appointing.Candidate> appointed,
            String notice) {}

    /** The appointment form; {@code facts} is the summary above it. */
    public record Form(
            StaffMember member,
            Appointing.Form form,
            List<SummaryRow> facts,
            FieldErrors errors,
            String problem) {
        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }
    }

    /**
     * The partner record: the appointment's facts, the partner's involvement (when they have one), every change with its
     * audit entry, and where staff act ({@code base}/{step}).
     */
    public record Record(
            StaffMember member,
            Role role,
            Application application,
            List<SummaryRow> facts,
            String notice,
            Partner partner,
            List<AuditEntry> history,
            String base) {
        public List<PartnerDocument> documents() {
            return List.of(PartnerDocument.values());
        }

        public String agreed(PartnerDocument d) {
            String agreed = PartnerPages.agreed(partner, d);
            var a = partner.involvement().documents().get(d);
            return agreed.isEmpty() || a.by().equals("partner")
                    ? agreed
                    : PARTNERS.format("page.record.agreedForThem", "agreed", agreed);
        }
    }

    public static String list(
            StaffMember member,
            List<Appointing.RoleSummary> roles,
            PartnerDirectory.Choices choices,
            PartnerDirectory.Filter filter,
            Paging.Page<PartnerDirectory.Row> partners) {
        return Templates.render(
                "staff/partners/list.jte", new RoleList(member, roles, choices, filter, partners));
    }

    /** Who made a change, in words: the partner from their link, or the staff member's id. */
    public static String who(AuditEntry e) {
        return e.who().equals("partner") ? PARTNERS.get("page.record.history.partner") : e.who();
    }

    /** The status before and after, when it changed. */
    public static String statusChange(AuditEntry e) {
        if (e.fromState() == null || e.fromState().equals(e.toState()))
            return PARTNERS.has("page.record.status." + e.toState()) && e.fromState() == null
                    ? PARTNERS.get("page.record.status." + e.toState())
                    : "";
        return PARTNERS.has("page.record.status." + e.fromState())
                        && PARTNERS.has("page.record.status." + e.toState())
                ? PARTNERS.format(
                        "page.record.history.fromTo",
                        "from",
                        PARTNERS.get("page.record.status." + e.fromState()),
                        "to",
                        PARTNERS.get("page.record.status." + e.toState()))
                : "";
    }

    public static String role(
            StaffMember member, Role role, List<Appointing.Candidate> candidates, String notice) {
        return Templates.render(
                "staff/partners/role.jte",
                new RolePage(
                        member,
                        role,
                        candidates.stream().filter(c -> c.appointment() == null).toList(),
                        candidates.stream().filter(c -> c.appointment() != null).toList(),
                        notice));
    }

    /** The appointment form. {@code problem} is a refusal (such as the paid-role limit) shown as the error summary. */
    public static String form(
            StaffMember member, Appointing.Form f, FieldErrors errors, String problem) {
        Role role = f.role();
        Application a = f.application();
        List<SummaryRow> facts =
                List.of(
                        row("page.form.row.reference", a.reference()),
                        row("page.form.row.where", a.status().label()),
                        row("page.form.row.contactBy", a.contactMethod()),
                        row("page.form.row.term", role.tenure().describe()),
                        row("page.form.row.payment", role.payment().describe()),
                        row(
                                "page.form.row.paidRoles",
                                PARTNERS.format(
                                        "page.form.row.paidRolesValue",
                                        "held",
                                        f.paidRolesHeld(),
                                        "most",
                                        role.eligibility().maximumPaidRoles())));
        return Templates.render(
                "staff/partners/form.jte", new Form(member, f, facts, errors, problem));
    }

    /** The partner record. */
    public static String record(
            StaffMember member,
            Role role,
            Application a,
            Partner partner,
            List<AuditEntry> history,
            String notice) {
        return record(member, role, a, partner, history, notice, "");
    }

    /** The partner record, with their attendance over the last 12 months in words (blank: not shown). */
    public static String record(
            StaffMember member,
            Role role,
            Application a,
            Partner partner,
            List<AuditEntry> history,
            String notice,
            String attendance) {
        Appointment p = partner.appointment();
        String outcome =
                OutcomeFacts.taskOpen(a)
                        ? PARTNERS.format(
                                "page.record.outcome.taskOpen", "method", a.contactMethod())
                        : OutcomeFacts.of(a).toldByEmail()
                                ? PARTNERS.get("page.record.outcome.welcomeEmail")
                                : PARTNERS.format(
                                        "page.record.outcome.told", "method", a.contactMethod());
        List<SummaryRow> facts =
                List.of(
                        row("page.record.row.role", role.title()),
                        row("page.record.row.status", PartnerPages.status(partner)),
                        row("page.record.row.starts", ClosingTime.displayDate(p.start())),
                        row(
                                "page.record.row.termEnds",
                                p.termEnds() == null
                                        ? PARTNERS.get("page.record.noFixedTerm")
                                        : ClosingTime.displayDate(p.termEnds())),
                        row(
                                "page.record.row.review",
                                p.reviewDate() == null
                                        ? ""
                                        : ClosingTime.displayDate(p.reviewDate())),
                        row(
                                "page.record.row.latestEnd",
                                PARTNERS.format(
                                        "page.record.latestEndValue",
                                        "date",
                                        ClosingTime.displayDate(p.latestEnd()),
                                        "years",
                                        role.tenure().maximumYears())),
                        row(
                                "page.record.row.extensions",
                                PARTNERS.format(
                                        "page.record.extensionsValue",
                                        "used",
                                        p.extensionsUsed(),
                                        "allowed",
                                        role.tenure().extensionsAllowed())),
                        row("page.record.row.payment", payment(p)),
                        row(
                                "page.record.row.steppingDown",
                                p.steppingDown() ? PARTNERS.get("page.record.steppingDown") : ""),
                        row("page.record.row.application", a.reference()),
                        row("page.record.row.outcome", outcome),
                        new SummaryRow(
                                Words.of("meetings").get("page.record.row.attendance"),
                                attendance));
        return Templates.render(
                "staff/partners/record.jte",
                new Record(
                        member,
                        role,
                        a,
                        facts,
                        notice,
                        partner,
                        history,
                        org.involve.core.paths.StaffPaths.PARTNER_CANDIDATE.fill(
                                role.id(), a.reference())));
    }

    private static SummaryRow row(String key, String value) {
        return new SummaryRow(PARTNERS.get(key), value);
    }

    /** How the partner chose to be paid. */
    public static String payment(Appointment p) {
        return PARTNERS.get(
                p.payment() == PaymentChoice.ACCEPTED
                        ? "page.payment.accepted"
                        : p.payment() == PaymentChoice.DECLINED
                                ? "page.payment.declined"
                                : "page.payment.unpaid");
    }

    /** The applicant's name as they gave it. */
    public static String name(Application a) {
        return a.answer(ApplicationForm.FULL_NAME);
    }
}
