package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Referee;
import org.involve.core.kit.Counts;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.references.ReferenceFacts;
import org.involve.core.references.ReferenceForm;
import org.involve.core.references.ReferenceRequest;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

/**
 * The staff references pages (templates in staff/references/): roles at interview, each role's applicants with their
 * references' states, and one applicant.
 */
public final class StaffReferencePages {
    public static final String AREA = StaffPaths.REFERENCES.template();
    private static final Words WORDS = Words.of("references");

    private StaffReferencePages() {}

    public record Roles(StaffMember member, List<Role> roles) {}

    public record Applicants(StaffMember member, ReferencesDesk.RoleView view, String notice) {}

    /** One applicant, with a block for each reference asked for. */
    public record Applicant(
            StaffMember member,
            Role role,
            ReferencesDesk.Candidate candidate,
            Map<String, String> values,
            FieldErrors errors,
            String notice,
            List<Reference> references,
            String problem) {
        public Application application() {
            return candidate.application();
        }

        public String name() {
            return application().answer(ApplicationForm.FULL_NAME);
        }

        public boolean hasErrors() {
            return errors != null && !errors.isEmpty();
        }
    }

    /** One reference on the applicant's page: its heading, its state, and the referee's details and answers. */
    public record Reference(String heading, ReferenceRequest request, List<SummaryRow> rows) {
        /** The state as an NHS.UK tag's colour: green received, red overdue, grey waiting. */
        public String colour() {
            return request.received() ? "green" : request.overdue() ? "red" : "grey";
        }
    }

    public static String roles(StaffMember member, List<Role> roles) {
        return Templates.render("staff/references/roles.jte", new Roles(member, roles));
    }

    public static String role(StaffMember member, ReferencesDesk.RoleView view, String notice) {
        return Templates.render("staff/references/role.jte", new Applicants(member, view, notice));
    }

    /** One applicant: the interview result form while their interview is booked, then each reference's state and what referees wrote. */
    public static String candidate(
            StaffMember member,
            Role role,
            ReferencesDesk.Candidate c,
            Map<String, String> values,
            FieldErrors errors,
            String notice) {
        return candidate(member, role, c, values, errors, notice, null);
    }

    /**
     * One applicant, with {@code problem} at the top: someone else changed the application after this person's form
     * was read. The form is then drawn from the application as it is now, holding the {@code values} they entered.
     */
    public static String candidate(
            StaffMember member,
            Role role,
            ReferencesDesk.Candidate c,
            Map<String, String> values,
            FieldErrors errors,
            String notice,
            String problem) {
        List<Referee> referees = ReferenceFacts.referees(c.application());
        List<Reference> references = new ArrayList<>();
        for (ReferenceRequest r : c.requests()) {
            Referee referee =
                    referees.stream()
                            .filter(x -> x.number() == r.number())
                            .findFirst()
                            .orElse(null);
            references.add(
                    new Reference(
                            referee == null
                                    ? WORDS.format(
                                            "page.applicant.referee",
                                            "ordinal",
                                            ordinal(r.number()))
                                    : WORDS.format(
                                            "page.applicant.refereeNamed",
                                            "ordinal",
                                            ordinal(r.number()),
                                            "name",
                                            referee.name()),
                            r,
                            rows(role, referee, r)));
        }
        return Templates.render(
                "staff/references/applicant.jte",
                new Applicant(member, role, c, values, errors, notice, references, problem));
    }

    /** A page acting on one referee: replacing them, or marking their reference unsatisfactory. */
    public record RefereeAction(
            StaffMember member,
            Role role,
            Application application,
            String heading,
            String intro,
            String refereeLine,
            List<Field> fields,
            String action,
            String button,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }
    }

    /** The forms about one referee: replacing them before they answer, a reference taken by telephone, or marking theirs unsatisfactory. */
    public enum RefereeStep {
        REPLACE(StaffPaths.REFERENCE_REPLACE, "page.replace"),
        TELEPHONE(StaffPaths.REFERENCE_TELEPHONE, "page.telephone"),
        UNSATISFACTORY(StaffPaths.REFERENCE_UNSATISFACTORY, "page.unsatisfactory");

        private final org.involve.core.kit.Path path;
        private final String page;

        RefereeStep(org.involve.core.kit.Path path, String page) {
            this.path = path;
            this.page = page;
        }

        public org.involve.core.kit.Path path() {
            return path;
        }

        private List<Field> fields(Role role) {
            return switch (this) {
                case REPLACE -> ReferencesDesk.REFEREE_FIELDS;
                case TELEPHONE -> ReferenceForm.telephoneFields(role.title());
                case UNSATISFACTORY -> ReferencesDesk.UNSATISFACTORY_FIELDS;
            };
        }
    }

    /**
     * The form of {@code step} for referee {@code number}, holding the {@code values} entered and their {@code errors};
     * with {@code problem} at the top when someone else changed the application after this person's form was read
     * (the page is then drawn from the application as it is now).
     */
    public static String refereeStep(
            StaffMember member,
            Role role,
            ReferencesDesk.Candidate c,
            int number,
            RefereeStep step,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        return refereeAction(
                member,
                role,
                c,
                number,
                step.page,
                step.fields(role),
                step.path,
                values,
                errors,
                problem);
    }

    private static String refereeAction(
            StaffMember member,
            Role role,
            ReferencesDesk.Candidate c,
            int number,
            String page,
            List<Field> fields,
            org.involve.core.kit.Path path,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        Application a = c.application();
        if (c.requests().stream().noneMatch(r -> r.number() == number))
            throw new ReferencesDesk.NotFound();
        Referee referee =
                ReferenceFacts.referees(a).stream()
                        .filter(x -> x.number() == number)
                        .findFirst()
                        .orElse(null);
        return Templates.render(
                "staff/references/refereeAction.jte",
                new RefereeAction(
                        member,
                        role,
                        a,
                        WORDS.format(page + ".title", "ordinal", Counts.ordinal(number)),
                        WORDS.get(page + ".intro"),
                        referee == null
                                ? ""
                                : WORDS.format(
                                        "page.applicant.refereeNamed",
                                        "ordinal",
                                        ordinal(number),
                                        "name",
                                        referee.name()),
                        fields,
                        path.fill(role.id(), a.reference(), String.valueOf(number)),
                        WORDS.get(page + ".button"),
                        values,
                        errors,
                        problem));
    }

    /** "First", "Second": how a referee is named on these pages. */
    public static String ordinal(int number) {
        return Counts.ordinalCapitalised(number);
    }

    /** What the applicant said of the referee, then the referee's answers once received. */
    private static List<SummaryRow> rows(Role role, Referee referee, ReferenceRequest r) {
        List<SummaryRow> rows = new ArrayList<>();
        if (referee != null) {
            rows.add(new SummaryRow(WORDS.get("page.applicant.email"), referee.email()));
            rows.add(new SummaryRow(WORDS.get("page.applicant.phone"), referee.phone()));
            rows.add(
                    new SummaryRow(
                            WORDS.get("page.applicant.knows"),
                            WORDS.format(
                                    "page.applicant.knowsValue",
                                    "relationship",
                                    referee.relationship(),
                                    "knownFor",
                                    referee.knownFor())));
        }
        if (r.received() && r.answers().containsKey(ReferenceForm.TAKEN_BY)) {
            rows.add(
                    new SummaryRow(
                            WORDS.get("page.applicant.takenByTelephone"),
                            WORDS.format(
                                    "page.applicant.takenByTelephoneValue",
                                    "name",
                                    r.answers().get(ReferenceForm.TAKEN_BY),
                                    "date",
                                    org.involve.core.kit.ClosingTime.displayDate(
                                            r.receivedAt()
                                                    .atZone(org.involve.core.kit.ClosingTime.UK)
                                                    .toLocalDate()))));
        }
        if (r.received()) {
            for (Field f : ReferenceForm.section(role.title()).fields()) {
                String v = r.answers().getOrDefault(f.name(), "");
                if (f.kind() == Field.Kind.AGREE)
                    v =
                            WORDS.get(
                                    v.isEmpty()
                                            ? "page.applicant.notConfirmed"
                                            : "page.applicant.confirmed");
                else if (!v.isEmpty()) v = f.labelFor(v);
                rows.add(new SummaryRow(f.label(), v));
            }
        }
        return rows;
    }

    /** The applicant's page. */
    public static String link(Role role, Application a) {
        return StaffPaths.REFERENCE_CANDIDATE.fill(role.id(), a.reference());
    }
}
