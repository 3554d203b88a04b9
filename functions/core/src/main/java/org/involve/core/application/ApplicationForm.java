package org.involve.core.application;

import org.involve.core.kit.Field;
import org.involve.core.kit.Field.Option;
import org.involve.core.kit.Section;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's questions for one role, one topic a section, in plain words.
 * Which sections and questions appear depends on the role (its criteria, priority communities,
 * whether it pays) and, for the paid-role limit, on answers already given.
 */
public final class ApplicationForm {
    public static final String ABOUT_YOU = "about-you";
    public static final String SUPPORT = "support";
    public static final String ELIGIBILITY = "who-can-apply";
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
    /** The parts of each referee's details: {@link #refereeField(int, String)} names the field for referee 1, 2 ... */
    public static final String REFEREE_NAME = "Name", REFEREE_RELATIONSHIP = "Relationship", REFEREE_KNOWN_FOR = "KnownFor",
            REFEREE_EMAIL = "Email", REFEREE_PHONE = "Phone";
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth");

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
        s.add(aboutYou());
        s.add(support());
        s.add(eligibility());
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
        for (int i = 0; i < all.size() - 1; i++) if (all.get(i).id().equals(id)) return Optional.of(all.get(i + 1));
        return Optional.empty();
    }

    private Section aboutYou() {
        return new Section(ABOUT_YOU, "About you", "We use these details only to contact you about this application.", List.of(
                Field.text(FULL_NAME, "Full name", null, true, 100, "name", "Enter your full name"),
                new Field(EMAIL, "Email address", "We will send your acknowledgement here. Leave blank only if you want us to contact you by telephone or post.",
                        Field.Kind.EMAIL, false, 254, List.of(), "email", "Enter your email address"),
                new Field(PHONE, "UK phone number", "Optional unless you want us to contact you by telephone.", Field.Kind.PHONE, false, 20, List.of(), "tel", "Enter your phone number"),
                Field.text(ADDRESS_LINE_1, "Address line 1", "Optional unless you want us to contact you by post.", false, 100, "address-line1", "Enter the first line of your address"),
                Field.text("addressLine2", "Address line 2 (optional)", null, false, 100, "address-line2", ""),
                Field.text(TOWN, "Town or city", null, false, 60, "address-level2", "Enter your town or city"),
                new Field(POSTCODE, "Postcode", null, Field.Kind.POSTCODE, false, 10, List.of(), "postal-code", "Enter your postcode"),
                Field.radios(CONTACT_METHOD, "How would you like us to contact you?",
                        "We write by email unless you ask us to phone or write to you by post.",
                        List.of(new Option("email", "Email"), new Option("telephone", "Telephone"), new Option("post", "Post")),
                        "Select how you would like us to contact you")));
    }

    private Section support() {
        return new Section(SUPPORT, "Support and adjustments",
                "Tell us anything that would help you take part. This does not affect how we assess your application.", List.of(
                Field.textarea("supportNeeds", "Do you have any support needs? (optional)",
                        "For example, help with travel, a carer, or extra time to read papers.", false, 1500, ""),
                Field.textarea("adjustments", "Do you need any reasonable adjustments for an interview or meetings? (optional)",
                        "For example, captions on video calls, a hearing loop, or breaks.", false, 1500, ""),
                Field.text("otherFormat", "Would you like information in another format? (optional)",
                        "For example, large print, easy read, audio or Braille.", false, 200, null, ""),
                Field.radios(DISABILITY_CONFIDENT, "Would you like to be considered under the Disability Confident scheme?",
                        "If you have a disability and your application shows you meet all the essential criteria, you will be offered an interview.",
                        List.of(new Option("yes", "Yes"), new Option("no", "No")),
                        "Select yes if you would like to be considered under the Disability Confident scheme")));
    }

    private Section eligibility() {
        boolean allNhs = role.eligibility().excludesAllNhsStaff();
        String hint = "We ask because some people cannot take this role, to avoid conflicts of interest.";
        return new Section(ELIGIBILITY, "Who can apply", hint, List.of(
                Field.yesNo(Eligibility.NHS_BOARD, "Are you a chair or board member of an NHS body?",
                        "For example an NHS trust or foundation trust, an NHS commissioning body, a regulator of NHS trusts or some special health authorities.",
                        "Select yes if you are a chair or board member of an NHS body"),
                allNhs
                        ? Field.yesNo(Eligibility.NHS_STAFF, "Do you work for the NHS?",
                            "Including any paid, honorary or unpaid post in any NHS organisation. This role is not open to NHS staff.",
                            "Select yes if you work for the NHS")
                        : Field.yesNo(Eligibility.NHS_STAFF, "Do you work for NHS England?",
                            "Including honorary or unpaid medical or dental posts, in any part of NHS England. Non-clinical staff of other NHS organisations can usually apply.",
                            "Select yes if you work for NHS England"),
                Field.yesNo(Eligibility.HEALTH_PROFESSIONAL, "Are you a practising healthcare professional?",
                        "For example a practising GP or general dental practitioner.",
                        "Select yes if you are a practising healthcare professional"),
                Field.yesNo(Eligibility.ELECTED_OFFICE, "Are you a serving MP or local councillor, or a candidate for election?", null,
                        "Select yes if you are a serving MP or local councillor, or a candidate for election"),
                Field.yesNo(Eligibility.TRUSTEE_REMOVED, "Have you been removed from being a charity trustee by a court or the Charity Commission?", null,
                        "Select yes if you have been removed from being a charity trustee"),
                Field.yesNo(Eligibility.PROFESSIONAL_SANCTION, "Have you been suspended or removed by a professional body, or are you working under conditions set by one?", null,
                        "Select yes if a professional body has suspended or removed you, or set conditions"),
                Field.yesNo(Eligibility.APPOINTMENT_TERMINATED, "Has your appointment as chair or member of a public body ever been ended early?", null,
                        "Select yes if your appointment to a public body was ended early"),
                Field.yesNo(Eligibility.DISQUALIFIED, "Are you disqualified from being a company director?",
                        "Under the Company Directors Disqualification Act 1986.",
                        "Select yes if you are disqualified from being a company director"),
                new Field(PAID_ROLES_HELD, "How many paid patient and public voice roles do you hold now?",
                        "Count roles with any organisation where you receive an involvement payment. Enter 0 if none.",
                        Field.Kind.NUMBER, true, 99, List.of(), null,
                        "Enter how many paid patient and public voice roles you hold now, or 0 if none")));
    }

    private Section criteria() {
        List<Field> fields = new ArrayList<>();
        for (Criterion c : role.criteria()) {
            fields.add(Field.textarea(criterionField(c), c.statement() + (c.essential() ? "" : " (desirable)"),
                    c.essential() ? "Essential. Tell us how you meet this, with an example if you can."
                            : "Desirable. Leave blank if it does not apply to you.",
                    c.essential(), 2000, "Tell us how you meet this: " + c.statement()));
        }
        return new Section(CRITERIA, "Skills and experience", "The panel scores each answer. Your name and contact details are removed before they read it.", fields);
    }

    public static String criterionField(Criterion c) {
        return "criterion-" + c.id();
    }

    private Section experience() {
        List<Field> fields = new ArrayList<>(List.of(
                Field.textarea("livedExperience", "Tell us about your lived experience",
                        "Your experience of using health or care services, or caring for someone who does. Share only what you are comfortable sharing.",
                        true, 3000, "Tell us about your lived experience"),
                Field.textarea("networks", "Which networks or communities do you draw on? (optional)",
                        "For example, a patient group, a carers' network or a community organisation.", false, 1500, ""),
                Field.textarea("interestAreas", "Which areas of health and care interest you most?", null, true, 1500,
                        "Tell us which areas of health and care interest you most")));
        if (!role.priorityCommunities().isEmpty()) {
            fields.add(Field.textarea("priorityConnection",
                    "Do you have a connection with any of these communities? (optional)",
                    "We are especially keen to hear from people with a connection to: " + String.join("; ", role.priorityCommunities()) + ".",
                    false, 1500, ""));
        }
        return new Section(EXPERIENCE, "Your lived experience", null, fields);
    }

    private Section payment(Map<String, String> answers) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.radios(ACCEPTS_PAYMENT, "Will you accept the involvement payment?",
                role.payment().describe() + " You can choose to decline it.",
                List.of(new Option("accept", "Yes, I will accept the payment"), new Option("decline", "No, I will decline the payment")),
                "Select whether you will accept the involvement payment"));
        if (PaidRoleLimit.reached(role, answers)) {
            fields.add(Field.radios(STEP_DOWN, "You already hold " + role.eligibility().maximumPaidRoles()
                            + " or more paid roles. If you accept this payment, will you step down from another paid role before you start?",
                    "Nobody can hold more than " + role.eligibility().maximumPaidRoles()
                            + " paid roles at a time. You can still apply if you decline the payment.",
                    List.of(new Option("yes", "Yes, I will step down from another paid role"), new Option("no", "No")),
                    "Select yes if you will step down from another paid role before you start"));
        }
        fields.add(Field.radios(RECEIVES_BENEFITS, "Do you receive state benefits?",
                "We ask only so we can tell you about free, confidential benefits advice. It is never used to decide who is appointed.",
                List.of(new Option("yes", "Yes"), new Option("no", "No"), new Option("prefer-not-to-say", "Prefer not to say")),
                "Select whether you receive state benefits, or prefer not to say"));
        return new Section(PAYMENT, "Involvement payment", null, fields);
    }

    /** "referee1Email": one referee's answer to one part of their details. */
    public static String refereeField(int number, String part) {
        return "referee" + number + part;
    }

    /** "first", "second" ... for the referees' questions; "referee 11" and on, should a role ever ask for that many. */
    public static String ordinal(int number) {
        return number >= 1 && number <= ORDINALS.size() ? ORDINALS.get(number - 1) : "number " + number;
    }

    /**
     * The role's referees, each asked the same five questions. Each label names the referee ("your first referee"),
     * so every question is distinct on the page, in the error summary and on the check-answers page.
     */
    private Section referees() {
        int count = role.referencesRequired();
        List<Field> fields = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String whose = "your " + ordinal(n) + " referee";
            String title = capitalise(ordinal(n)) + " referee";
            fields.add(Field.text(refereeField(n, REFEREE_NAME), title + "'s full name", null, true, 100, "off", "Enter " + whose + "'s full name"));
            fields.add(Field.text(refereeField(n, REFEREE_RELATIONSHIP), "How does " + whose + " know you?",
                    "For example, as your manager, a colleague, a teacher, or through volunteering or a community group.", true, 200, null,
                    "Enter how " + whose + " knows you"));
            fields.add(Field.text(refereeField(n, REFEREE_KNOWN_FOR), "How long has " + whose + " known you?", "For example, 3 years",
                    true, 60, null, "Enter how long " + whose + " has known you"));
            fields.add(new Field(refereeField(n, REFEREE_EMAIL), title + "'s email address", "We will send the request for a reference here.",
                    Field.Kind.EMAIL, true, 254, List.of(), "off", "Enter " + whose + "'s email address"));
            fields.add(new Field(refereeField(n, REFEREE_PHONE), title + "'s telephone number", null, Field.Kind.PHONE, true, 20, List.of(), "off",
                    "Enter " + whose + "'s telephone number"));
        }
        return new Section(REFEREES, "Referees", "Give the details of " + count + (count == 1 ? " person" : " people")
                + " who know you well and can tell us what you would bring to this role. A referee must not be a relative, and should have "
                + "known you for at least a year. We only contact your referees if your interview is successful.", fields);
    }

    private static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(java.util.Locale.UK) + word.substring(1);
    }

    private Section declarations() {
        return new Section(DECLARATIONS, "Declarations", null, List.of(
                Field.agree("privacyAgreed", "I have read the privacy notice and agree to my information being used to assess my application",
                        null, "Confirm you have read the privacy notice"),
                Field.agree("confidentialityAgreed", "I agree to keep confidential anything I am told is confidential",
                        null, "Confirm you agree to keep confidential information confidential")));
    }
}
