package org.involve.core.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.kit.Counts;
import org.involve.core.kit.Field;
import org.involve.core.kit.Questions;
import org.involve.core.kit.Section;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;

/**
 * The application's questions for one role, one topic a section, in plain words.
 * Which sections and questions appear depends on the role (its criteria, priority communities,
 * whether it pays) and, for the paid-role limit, on answers already given.
 */
public final class ApplicationForm {
    public static final String ABOUT_YOU = "about-you";
    public static final String SUPPORT = "support";
    public static final String ELIGIBILITY = "who-can-apply";
    public static final String TELL_US_MORE = "tell-us-more";
    public static final String PAID_ROLES = "paid-roles";
    public static final String CRITERIA = "skills-and-experience";
    public static final String EXPERIENCE = "lived-experience";
    public static final String PAYMENT = "payment";
    public static final String REFEREES = "referees";
    public static final String DECLARATIONS = "declarations";

    public static final String CONTACT_METHOD = "contactMethod";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String FULL_NAME = "fullName";
    public static final String ADDRESS_LINE_1 = "addressLine1";
    public static final String TOWN = "townOrCity";
    public static final String POSTCODE = "postcode";
    public static final String PAID_ROLES_HELD = "paidRolesHeld";
    public static final String ACCEPTS_PAYMENT = "acceptsPayment";
    public static final String STEP_DOWN = "willStepDown";
    public static final String RECEIVES_BENEFITS = "receivesBenefits";
    public static final String DISABILITY_CONFIDENT = "disabilityConfident";

    /** "Do any of these apply to you?": the boxes ticked, each also answered yes or no under its own name. */
    public static final String ELIGIBILITY_ANSWER = "eligibility";

    /** The exclusive "None of these" box of the eligibility question. */
    public static final String NONE_APPLY = "eligibilityNone";

    /** What a person may tell us about a "talk to us first" answer: "removedAsTrusteeDetails". */
    public static String detailsField(String talkFirstAnswer) {
        return talkFirstAnswer + "Details";
    }

    /** The parts of each referee's details: {@link #refereeField(int, String)} names the field for referee 1, 2 ... */
    public static final String REFEREE_NAME = "Name",
            REFEREE_RELATIONSHIP = "Relationship",
            REFEREE_KNOWN_FOR = "KnownFor",
            REFEREE_EMAIL = "Email",
            REFEREE_PHONE = "Phone";

    /** The questions' words: field.NAME.* and the sections' page.section.ID.* in content/apply. */
    private static final Questions Q = Questions.of("apply");

    private final Role role;

    public ApplicationForm(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    /** The sections this applicant is asked, given what they have answered so far. */
    public List<Section> sections(Map<String, String> answers) {
        List<Section> s = new ArrayList<>();
        // Who can apply comes first, before any personal details, so that nobody who cannot take
        // the role
        // gives them.
        s.add(eligibility());
        List<String> talkFirst =
                Eligibility.TALK_FIRST.stream().filter(q -> "yes".equals(answers.get(q))).toList();
        if (!talkFirst.isEmpty()) s.add(tellUsMore(talkFirst));
        s.add(paidRoles());
        s.add(aboutYou());
        s.add(support());
        s.add(criteria());
        s.add(experience());
        if (role.payment().isPaid()) s.add(payment(answers));
        if (role.referencesRequired() > 0) s.add(referees());
        s.add(declarations());
        return s;
    }

    public Optional<Section> section(String id, Map<String, String> answers) {
        return sections(answers).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Section> next(String id, Map<String, String> answers) {
        List<Section> all = sections(answers);
        for (int i = 0; i < all.size() - 1; i++)
            if (all.get(i).id().equals(id)) return Optional.of(all.get(i + 1));
        return Optional.empty();
    }

    private static Section section(String id, List<Field> fields) {
        return new Section(
                id,
                Q.words().get("page.section." + id + ".title"),
                Q.words().has("page.section." + id + ".intro")
                        ? Q.words().get("page.section." + id + ".intro")
                        : null,
                fields);
    }

    private Section aboutYou() {
        return section(
                ABOUT_YOU,
                List.of(
                        Q.text(FULL_NAME, true, 100, "name"),
                        Q.typed(EMAIL, Field.Kind.EMAIL, false, 254, "email"),
                        Q.typed(PHONE, Field.Kind.PHONE, false, 20, "tel"),
                        Q.text(ADDRESS_LINE_1, false, 100, "address-line1"),
                        Q.text("addressLine2", false, 100, "address-line2"),
                        Q.text(TOWN, false, 60, "address-level2"),
                        Q.typed(POSTCODE, Field.Kind.POSTCODE, false, 10, "postal-code"),
                        Q.radios(CONTACT_METHOD, "email", "telephone", "post")));
    }

    private Section support() {
        return section(
                SUPPORT,
                List.of(
                        Q.textarea("supportNeeds", false, 1500),
                        Q.textarea("adjustments", false, 1500),
                        Q.text("otherFormat", false, 200, null),
                        Q.radios(DISABILITY_CONFIDENT, "yes", "no")));
    }

    /**
     * One tick-all-that-apply question: the four answers that mean a person cannot apply, the four that mean we talk
     * with them first, and "None of these". Each ticked box is also stored as yes or no under its own name.
     */
    private Section eligibility() {
        String nhsStaff =
                Eligibility.NHS_STAFF
                        + (role.eligibility().excludesAllNhsStaff() ? ".allNhs" : ".nhsEngland");
        List<Field.Option> options = new ArrayList<>();
        for (String answer : Eligibility.CANNOT_APPLY)
            options.add(option(answer, answer.equals(Eligibility.NHS_STAFF) ? nhsStaff : answer));
        for (String answer : Eligibility.TALK_FIRST) options.add(option(answer, answer));
        options.add(
                new Field.Option(
                        NONE_APPLY,
                        Q.words().get("field.eligibility.option." + NONE_APPLY),
                        null,
                        true));
        return section(
                ELIGIBILITY,
                List.of(
                        Field.checkboxes(
                                ELIGIBILITY_ANSWER,
                                Q.label(ELIGIBILITY_ANSWER),
                                Q.hint(ELIGIBILITY_ANSWER),
                                options,
                                Q.missing(ELIGIBILITY_ANSWER))));
    }

    /** One box of the eligibility question: {@code field.eligibility.option.KEY} and its optional {@code .hint}. */
    private static Field.Option option(String value, String key) {
        String prefix = "field.eligibility.option." + key;
        return new Field.Option(
                value,
                Q.words().get(prefix),
                Q.words().has(prefix + ".hint") ? Q.words().get(prefix + ".hint") : null);
    }

    /** Only for a "talk to us first" answer: the person may tell us about it now (none of it is required). */
    private static Section tellUsMore(List<String> talkFirst) {
        return section(
                TELL_US_MORE,
                talkFirst.stream().map(q -> Q.textarea(detailsField(q), false, 1000)).toList());
    }

    private static Section paidRoles() {
        return section(
                PAID_ROLES, List.of(Q.typed(PAID_ROLES_HELD, Field.Kind.NUMBER, true, 99, null)));
    }

    private Section criteria() {
        List<Field> fields = new ArrayList<>();
        for (Criterion c : role.criteria()) {
            String kind = c.essential() ? "criterion.essential" : "criterion.desirable";
            fields.add(
                    Field.textarea(
                            criterionField(c),
                            Q.label(kind, "statement", c.statement()),
                            Q.hint(kind),
                            c.essential(),
                            2000,
                            Q.words()
                                    .format(
                                            "field.criterion.essential.error.missing",
                                            "statement",
                                            c.statement())));
        }
        return section(CRITERIA, fields);
    }

    public static String criterionField(Criterion c) {
        return "criterion-" + c.id();
    }

    private Section experience() {
        List<Field> fields =
                new ArrayList<>(
                        List.of(
                                Q.textarea("livedExperience", true, 3000),
                                Q.textarea("networks", false, 1500),
                                Q.textarea("interestAreas", true, 1500)));
        if (!role.priorityCommunities().isEmpty()) {
            fields.add(
                    Field.textarea(
                            "priorityConnection",
                            Q.label("priorityConnection"),
                            Q.hint(
                                    "priorityConnection",
                                    "communities",
                                    String.join("; ", role.priorityCommunities())),
                            false,
                            1500,
                            ""));
        }
        return section(EXPERIENCE, fields);
    }

    private Section payment(Map<String, String> answers) {
        List<Field> fields = new ArrayList<>();
        fields.add(
                Field.radios(
                        ACCEPTS_PAYMENT,
                        Q.label(ACCEPTS_PAYMENT),
                        Q.hint(ACCEPTS_PAYMENT, "payment", role.payment().describe()),
                        Q.options(ACCEPTS_PAYMENT, "accept", "decline"),
                        Q.missing(ACCEPTS_PAYMENT)));
        if (PaidRoleLimit.reached(role, answers)) {
            int most = role.eligibility().maximumPaidRoles();
            fields.add(
                    Field.radios(
                            STEP_DOWN,
                            Q.label(STEP_DOWN, "count", most),
                            Q.hint(STEP_DOWN, "count", most),
                            Q.options(STEP_DOWN, "yes", "no"),
                            Q.missing(STEP_DOWN)));
        }
        fields.add(Q.radios(RECEIVES_BENEFITS, "yes", "no", "prefer-not-to-say"));
        return section(PAYMENT, fields);
    }

    /** "referee1Email": one referee's answer to one part of their details. */
    public static String refereeField(int number, String part) {
        return "referee" + number + part;
    }

    /**
     * The role's referees, each asked the same five questions. Each label names the referee ("your first referee"),
     * so every question is distinct on the page, in the error summary and on the check-answers page.
     */
    private Section referees() {
        int count = role.referencesRequired();
        List<Field> fields = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Object[] which = {
                "ordinal", Counts.ordinal(n), "Ordinal", Counts.ordinalCapitalised(n)
            };
            fields.add(
                    Field.text(
                            refereeField(n, REFEREE_NAME),
                            Q.label("refereeName", which),
                            null,
                            true,
                            100,
                            "off",
                            Q.missing("refereeName", which)));
            fields.add(
                    Field.text(
                            refereeField(n, REFEREE_RELATIONSHIP),
                            Q.label("refereeRelationship", which),
                            Q.hint("refereeRelationship"),
                            true,
                            200,
                            null,
                            Q.missing("refereeRelationship", which)));
            fields.add(
                    Field.text(
                            refereeField(n, REFEREE_KNOWN_FOR),
                            Q.label("refereeKnownFor", which),
                            Q.hint("refereeKnownFor"),
                            true,
                            60,
                            null,
                            Q.missing("refereeKnownFor", which)));
            fields.add(
                    new Field(
                            refereeField(n, REFEREE_EMAIL),
                            Q.label("refereeEmail", which),
                            Q.hint("refereeEmail"),
                            Field.Kind.EMAIL,
                            true,
                            254,
                            List.of(),
                            "off",
                            Q.missing("refereeEmail", which)));
            fields.add(
                    new Field(
                            refereeField(n, REFEREE_PHONE),
                            Q.label("refereePhone", which),
                            null,
                            Field.Kind.PHONE,
                            true,
                            20,
                            List.of(),
                            "off",
                            Q.missing("refereePhone", which)));
        }
        String intro =
                Q.words()
                        .format(
                                count == 1
                                        ? "page.section.referees.intro.one"
                                        : "page.section.referees.intro.many",
                                "count",
                                count);
        return new Section(REFEREES, Q.words().get("page.section.referees.title"), intro, fields);
    }

    private Section declarations() {
        return section(
                DECLARATIONS, List.of(Q.agree("privacyAgreed"), Q.agree("confidentialityAgreed")));
    }
}
