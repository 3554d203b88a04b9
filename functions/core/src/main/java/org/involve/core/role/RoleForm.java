package org.involve.core.role;

import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff form for a role: every property of a role as plain questions, in sections, and the rules that turn what
 * was posted into a {@link Role} or into messages in plain words for the NHS.UK error summary. Lists (what the role
 * does, who we are looking for, priority communities) are one item a line; criteria are one a line starting "E:"
 * (essential) or "D:" (desirable). Money is in pounds. Dates are day, month and year boxes.
 */
public final class RoleForm {
    /** A question: a {@link Field} rendered as the NHS.UK component for its kind, or a date (day, month, year). */
    public sealed interface Question permits Plain, DateQuestion {
        String name();
    }

    public record Plain(Field field) implements Question {
        public String name() {
            return field.name();
        }
    }

    /** Posted as {name}-day, {name}-month, {name}-year; the error summary links to {name}-day. */
    public record DateQuestion(String name, String legend, String hint, boolean required) implements Question {}

    public record Part(String heading, List<Question> questions) {}

    public static final String TITLE = "title", PROGRAMME = "programme", ORGANISATION = "organisation", SUMMARY = "summary",
            DOES = "whatTheRoleDoes", LOOKING_FOR = "whoWeAreLookingFor", PLACES = "places", PLACES_NOTE = "placesNote",
            PRIORITY_PLACES = "priorityPlaces", PRIORITY_COMMUNITIES = "priorityCommunities", CRITERIA = "criteria",
            CLOSING = "closingDate", INTERVIEW_WEEK = "interviewWeek", INTERVIEW_FORMAT = "interviewFormat",
            REFERENCES = "referencesRequired", ACK_DAYS = "acknowledgementDays", MEETINGS = "meetings", TIME_ASKED = "timeAsked",
            MIN_MEETINGS = "minimumMeetingsPerYear", MIN_PERCENT = "minimumAttendancePercent", INITIAL_YEARS = "initialYears",
            EXTENSION_YEARS = "extensionYears", EXTENSIONS = "extensionsAllowed", MAX_YEARS = "maximumYears", REVIEW = "reviewDate",
            PAYMENT = "paymentKind", FULL_DAY = "fullDayPounds", HALF_DAY = "halfDayPounds", FULL_DAY_HOURS = "fullDayMinimumHours",
            MONTHLY = "monthlyPounds", MONTHLY_HOURS = "monthlyHoursIncluded", ALL_NHS = "excludesAllNhsStaff", MAX_PAID = "maximumPaidRoles",
            CONTACT_NAME = "contactName", CONTACT_EMAIL = "contactEmail", CONTACT_PHONE = "contactPhone", TEAM_EMAIL = "teamEmail",
            BENEFITS_EMAIL = "benefitsAdviceEmail";

    private static final List<Field.Option> PAYMENT_OPTIONS = List.of(
            new Field.Option("DAY_RATE", "A day rate (full and half days)"),
            new Field.Option("MONTHLY_FIXED", "A fixed amount each month"),
            new Field.Option("UNPAID", "Unpaid (voluntary)"));

    public static final List<Part> PARTS = List.of(
            new Part("About the role", List.of(
                    plain(Field.text(TITLE, "Title", "For example, Strategic Co-production Group member", true, 120, null, "Enter the role's title")),
                    plain(Field.text(PROGRAMME, "Programme or group", null, true, 200, null, "Enter the programme or group")),
                    plain(Field.text(ORGANISATION, "Organisation", null, true, 200, null, "Enter the organisation")),
                    plain(Field.textarea(SUMMARY, "Summary", "One or two sentences for the list of open roles", true, 600, "Enter a summary")),
                    plain(Field.textarea(DOES, "What the role does", "One item a line", true, 4000, "Enter what the role does, one item a line")),
                    plain(Field.textarea(LOOKING_FOR, "Who we are looking for", "One item a line", true, 4000, "Enter who you are looking for, one item a line")))),
            new Part("Places", List.of(
                    plain(number(PLACES, "Number of places", null, "Enter the number of places")),
                    plain(Field.text(PLACES_NOTE, "About the places (optional)", "For example, including 2 partner co-chairs", false, 200, null, null)),
                    plain(number(PRIORITY_PLACES, "Places for priority communities", "Enter 0 if there are none", "Enter the number of places for priority communities")),
                    plain(Field.textarea(PRIORITY_COMMUNITIES, "Priority communities (optional)", "One a line, for example, LGBT+ communities", false, 2000, null)))),
            new Part("What applicants are assessed on", List.of(
                    plain(Field.textarea(CRITERIA, "Criteria",
                            "One a line. Start each with E: for essential or D: for desirable, for example, E: Experience of speaking up for others",
                            true, 6000, "Enter at least one essential criterion")))),
            new Part("Dates", List.of(
                    new DateQuestion(CLOSING, "Closing date", "Applications close at 11:59pm UK time on this date. For example, 8 12 2025", true),
                    new DateQuestion(INTERVIEW_WEEK, "Interviews: week commencing", "The Monday of the interview week. For example, 5 1 2026", true),
                    plain(Field.text(INTERVIEW_FORMAT, "How interviews are held", "For example, video call", true, 100, null, "Enter how interviews are held")))),
            new Part("After applying", List.of(
                    plain(number(REFERENCES, "References needed before the role is confirmed", null, "Enter the number of references needed")),
                    plain(number(ACK_DAYS, "Acknowledge each application within (days)", null, "Enter the number of days to acknowledge an application in")))),
            new Part("Commitment", List.of(
                    plain(Field.text(MEETINGS, "Meetings", "For example, Monthly co-production surgeries", true, 300, null, "Enter the meetings")),
                    plain(Field.text(TIME_ASKED, "Time asked", "For example, No more than 12 to 18 days a year", true, 300, null, "Enter the time asked")),
                    plain(number(MIN_MEETINGS, "Minimum meetings a year", "Enter 0 to use a percentage instead", "Enter the minimum number of meetings a year")),
                    plain(number(MIN_PERCENT, "Minimum attendance (percent of meetings)", "Enter 0 to use a number of meetings instead", "Enter the minimum attendance percentage")))),
            new Part("Tenure", List.of(
                    plain(number(INITIAL_YEARS, "First term (years)", "Enter 0 if the role has a review date instead", "Enter the first term in years")),
                    plain(number(EXTENSION_YEARS, "Each extension (years)", null, "Enter the length of an extension in years")),
                    plain(number(EXTENSIONS, "Extensions allowed", null, "Enter how many extensions are allowed")),
                    plain(number(MAX_YEARS, "Most time anyone can hold the role (years)", "No patient and public voice role can be held for more than 4 years", "Enter the most years anyone can hold the role")),
                    new DateQuestion(REVIEW, "Review date (optional)", "For roles reviewed on a date rather than a fixed term. For example, 31 3 2026", false))),
            new Part("Payment", List.of(
                    plain(Field.radios(PAYMENT, "How is the role paid?", null, PAYMENT_OPTIONS, "Select how the role is paid")),
                    plain(money(FULL_DAY, "Full day rate in pounds (day rate only)")),
                    plain(money(HALF_DAY, "Half day rate in pounds (day rate only)")),
                    plain(number(FULL_DAY_HOURS, "Hours that count as a full day (day rate only)", "Fewer hours count as a half day", null)),
                    plain(money(MONTHLY, "Monthly amount in pounds (monthly only)")),
                    plain(number(MONTHLY_HOURS, "Hours a month the amount covers (monthly only)", null, null)))),
            new Part("Who can apply", List.of(
                    plain(Field.yesNo(ALL_NHS, "Are all NHS staff excluded?", "Every role excludes NHS England staff. Some roles exclude all NHS staff.", "Select yes if all NHS staff are excluded")),
                    plain(number(MAX_PAID, "Most paid patient and public voice roles one person may hold", "Usually 3", "Enter the most paid roles one person may hold")))),
            new Part("Contacts", List.of(
                    plain(Field.text(CONTACT_NAME, "Contact name", "Who applicants can ask about the role", true, 120, null, "Enter the contact's name")),
                    plain(new Field(CONTACT_EMAIL, "Contact email address", null, Field.Kind.EMAIL, true, 254, List.of(), null, "Enter the contact's email address")),
                    plain(new Field(CONTACT_PHONE, "Contact phone number (optional)", null, Field.Kind.PHONE, false, 30, List.of(), null, null)),
                    plain(new Field(TEAM_EMAIL, "Team email address", "Where tasks for staff about this role are sent", Field.Kind.EMAIL, true, 254, List.of(), null, "Enter the team email address")),
                    plain(new Field(BENEFITS_EMAIL, "Benefits advice email address", "Shown with every payment, because payments can affect benefits. Needed for paid roles.",
                            Field.Kind.EMAIL, false, 254, List.of(), null, null)))));

    private RoleForm() {}

    private static Plain plain(Field f) {
        return new Plain(f);
    }

    private static Field number(String name, String label, String hint, String missing) {
        return new Field(name, label, hint, Field.Kind.NUMBER, missing != null, 4, List.of(), null, missing);
    }

    private static Field money(String name, String label) {
        return new Field(name, label, null, Field.Kind.NUMBER, false, 10, List.of(), null, null);
    }

    /** Every question in page order. */
    public static List<Question> questions() {
        return PARTS.stream().flatMap(p -> p.questions().stream()).toList();
    }

    /** The error summary's link target for a question: the date's day box, or the field itself. */
    public static String anchor(Question q) {
        return q instanceof DateQuestion ? q.name() + "-day" : q.name();
    }

    /** What was posted, as a role, or what is wrong with it. */
    public sealed interface Result permits Valid, Invalid {}

    public record Valid(Role role) implements Result {}

    public record Invalid(FieldErrors errors) implements Result {}

    /** Values for a blank form: the defaults the seeds suggest. */
    public static Map<String, String> defaults() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(PLACES, "1");
        v.put(PRIORITY_PLACES, "0");
        v.put(INTERVIEW_FORMAT, "video call");
        v.put(REFERENCES, "2");
        v.put(ACK_DAYS, "5");
        v.put(MIN_MEETINGS, "0");
        v.put(MIN_PERCENT, "80");
        v.put(INITIAL_YEARS, "2");
        v.put(EXTENSION_YEARS, "2");
        v.put(EXTENSIONS, "1");
        v.put(MAX_YEARS, "4");
        v.put(FULL_DAY_HOURS, "4");
        v.put(ALL_NHS, "no");
        v.put(MAX_PAID, "3");
        return v;
    }

    /** A role's values in the form's terms, for editing it. */
    public static Map<String, String> valuesOf(Role r) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(TITLE, r.title());
        v.put(PROGRAMME, nz(r.programme()));
        v.put(ORGANISATION, nz(r.organisation()));
        v.put(SUMMARY, nz(r.summary()));
        v.put(DOES, String.join("\n", r.whatTheRoleDoes()));
        v.put(LOOKING_FOR, String.join("\n", r.whoWeAreLookingFor()));
        v.put(PLACES, String.valueOf(r.places()));
        v.put(PLACES_NOTE, nz(r.placesNote()));
        v.put(PRIORITY_PLACES, String.valueOf(r.priorityPlaces()));
        v.put(PRIORITY_COMMUNITIES, String.join("\n", r.priorityCommunities()));
        v.put(CRITERIA, String.join("\n", r.criteria().stream().map(c -> (c.essential() ? "E: " : "D: ") + c.statement()).toList()));
        putDate(v, CLOSING, r.closingDate());
        putDate(v, INTERVIEW_WEEK, r.interviewWeekCommencing());
        v.put(INTERVIEW_FORMAT, nz(r.interviewFormat()));
        v.put(REFERENCES, String.valueOf(r.referencesRequired()));
        v.put(ACK_DAYS, String.valueOf(r.acknowledgementDays()));
        if (r.commitment() != null) {
            v.put(MEETINGS, nz(r.commitment().meetings()));
            v.put(TIME_ASKED, nz(r.commitment().timeAsked()));
            v.put(MIN_MEETINGS, String.valueOf(r.commitment().minimumMeetingsPerYear()));
            v.put(MIN_PERCENT, String.valueOf(r.commitment().minimumAttendancePercent()));
        }
        if (r.tenure() != null) {
            v.put(INITIAL_YEARS, String.valueOf(r.tenure().initialYears()));
            v.put(EXTENSION_YEARS, String.valueOf(r.tenure().extensionYears()));
            v.put(EXTENSIONS, String.valueOf(r.tenure().extensionsAllowed()));
            v.put(MAX_YEARS, String.valueOf(r.tenure().maximumYears()));
            putDate(v, REVIEW, r.tenure().reviewDate());
        }
        if (r.payment() != null) {
            PaymentModel p = r.payment();
            v.put(PAYMENT, p.kind().name());
            if (p.kind() == PaymentModel.Kind.DAY_RATE) {
                v.put(FULL_DAY, pounds(p.fullDayPence()));
                v.put(HALF_DAY, pounds(p.halfDayPence()));
                v.put(FULL_DAY_HOURS, String.valueOf(p.fullDayMinimumMinutes() / 60));
            }
            if (p.kind() == PaymentModel.Kind.MONTHLY_FIXED) {
                v.put(MONTHLY, pounds(p.monthlyPence()));
                v.put(MONTHLY_HOURS, String.valueOf(p.monthlyHoursIncluded()));
            }
        }
        if (r.eligibility() != null) {
            v.put(ALL_NHS, r.eligibility().excludesAllNhsStaff() ? "yes" : "no");
            v.put(MAX_PAID, String.valueOf(r.eligibility().maximumPaidRoles()));
        }
        if (r.contact() != null) {
            v.put(CONTACT_NAME, nz(r.contact().name()));
            v.put(CONTACT_EMAIL, nz(r.contact().email()));
            v.put(CONTACT_PHONE, nz(r.contact().phone()));
            v.put(TEAM_EMAIL, nz(r.contact().teamEmail()));
            v.put(BENEFITS_EMAIL, nz(r.contact().benefitsAdviceEmail()));
        }
        return v;
    }

    /**
     * Reads the posted form. {@code previous} is the role being edited (its id, status and criterion ids are kept, so
     * answers already given to a criterion stay with it), or null for a new role, which gets {@code newId} and DRAFT.
     */
    public static Result read(Map<String, String> posted, Role previous, String newId) {
        Reader in = new Reader(posted);
        String title = in.text(TITLE);
        String programme = in.text(PROGRAMME);
        String organisation = in.text(ORGANISATION);
        String summary = in.text(SUMMARY);
        List<String> does = in.lines(DOES);
        List<String> lookingFor = in.lines(LOOKING_FOR);
        int places = in.whole(PLACES, 1, 500);
        String placesNote = in.text(PLACES_NOTE);
        int priorityPlaces = in.whole(PRIORITY_PLACES, 0, 500);
        List<String> communities = in.lines(PRIORITY_COMMUNITIES);
        if (!in.errors.has(PRIORITY_PLACES) && !in.errors.has(PLACES) && priorityPlaces > places) {
            in.errors.add(PRIORITY_PLACES, "Places for priority communities must be no more than the number of places");
        }
        if (priorityPlaces > 0 && communities.isEmpty() && !in.errors.has(PRIORITY_COMMUNITIES)) {
            in.errors.add(PRIORITY_COMMUNITIES, "Enter the priority communities, one a line, or set their places to 0");
        }
        List<Criterion> criteria = in.criteria(previous == null ? List.of() : previous.criteria());
        LocalDate closing = in.date(CLOSING, "Closing date", true);
        LocalDate interviewWeek = in.date(INTERVIEW_WEEK, "Interview week", true);
        if (closing != null && interviewWeek != null && !interviewWeek.isAfter(closing)) {
            in.errors.add(INTERVIEW_WEEK + "-day", "Interview week must be after the closing date");
        }
        String interviewFormat = in.text(INTERVIEW_FORMAT);
        int references = in.whole(REFERENCES, 0, 5);
        int ackDays = in.whole(ACK_DAYS, 1, 28);
        String meetings = in.text(MEETINGS), timeAsked = in.text(TIME_ASKED);
        int minMeetings = in.whole(MIN_MEETINGS, 0, 60), minPercent = in.whole(MIN_PERCENT, 0, 100);
        int initial = in.whole(INITIAL_YEARS, 0, 4), extension = in.whole(EXTENSION_YEARS, 0, 4);
        int extensions = in.whole(EXTENSIONS, 0, 4), maxYears = in.whole(MAX_YEARS, 1, 4);
        LocalDate review = in.date(REVIEW, "Review date", false);
        if (!in.errors.has(INITIAL_YEARS) && !in.errors.has(MAX_YEARS) && initial > maxYears) {
            in.errors.add(INITIAL_YEARS, "First term must be no longer than the most time anyone can hold the role");
        }
        if (!in.errors.has(INITIAL_YEARS) && initial == 0 && review == null && !in.errors.has(REVIEW + "-day")) {
            in.errors.add(INITIAL_YEARS, "Enter a first term in years, or a review date");
        }
        PaymentModel payment = in.payment();
        boolean allNhs = "yes".equals(in.choice(ALL_NHS));
        int maxPaid = in.whole(MAX_PAID, 1, 10);
        String contactName = in.text(CONTACT_NAME);
        String contactEmail = in.email(CONTACT_EMAIL);
        String contactPhone = in.phone(CONTACT_PHONE);
        String teamEmail = in.email(TEAM_EMAIL);
        String benefitsEmail = in.email(BENEFITS_EMAIL);
        if (payment != null && payment.isPaid() && benefitsEmail.isEmpty() && !in.errors.has(BENEFITS_EMAIL)) {
            in.errors.add(BENEFITS_EMAIL, "Enter the benefits advice email address: paid roles show it with every payment");
        }
        if (!in.errors.isEmpty()) return new Invalid(in.errors.inOrderOfAnchors());

        String id = previous == null ? newId : previous.id();
        RoleStatus status = previous == null ? RoleStatus.DRAFT : previous.status();
        return new Valid(new Role(id, title, programme, organisation, summary, does, lookingFor, places, placesNote, priorityPlaces,
                communities, criteria, closing, interviewWeek, interviewFormat, references, ackDays,
                new Commitment(meetings, timeAsked, minMeetings, minPercent),
                new Tenure(initial, extension, extensions, maxYears, review),
                payment, new EligibilityPolicy(allNhs, maxPaid),
                new Contact(contactName, contactEmail, contactPhone, teamEmail, benefitsEmail), status));
    }

    /** A role id from its title: lower-case words joined by hyphens, at most 50 characters. */
    public static String idFor(String title) {
        String slug = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 50) slug = slug.substring(0, 50).replaceAll("-+[^-]*$", "");
        return slug.isEmpty() ? "role" : slug;
    }

    private static void putDate(Map<String, String> v, String name, LocalDate d) {
        if (d == null) return;
        v.put(name + "-day", String.valueOf(d.getDayOfMonth()));
        v.put(name + "-month", String.valueOf(d.getMonthValue()));
        v.put(name + "-year", String.valueOf(d.getYear()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String pounds(int pence) {
        return pence % 100 == 0 ? String.valueOf(pence / 100) : String.format("%d.%02d", pence / 100, pence % 100);
    }

    /** Reads one posted form, collecting errors by the anchor the error summary links to. */
    private static final class Reader {
        private final Map<String, String> posted;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        final OrderedErrors errors = new OrderedErrors();

        Reader(Map<String, String> posted) {
            this.posted = posted;
            for (Question q : questions()) if (q instanceof Plain p) fields.put(p.name(), p.field());
        }

        private String raw(String name) {
            String v = posted.get(name);
            return v == null ? "" : v.strip();
        }

        private boolean checked(Field f, String value) {
            if (value.isEmpty()) {
                if (f.required()) errors.add(f.name(), f.missingMessage());
                return false;
            }
            Optional<String> problem = AnswerRules.noMarkup(f, value).or(() -> AnswerRules.noLineBreaks(f, value)).or(() -> AnswerRules.notTooLong(f, value));
            problem.ifPresent(p -> errors.add(f.name(), p));
            return problem.isEmpty();
        }

        String text(String name) {
            String v = raw(name);
            return checked(fields.get(name), v) ? v : v.isEmpty() ? "" : null;
        }

        List<String> lines(String name) {
            String v = raw(name);
            if (!checked(fields.get(name), v)) return List.of();
            return v.lines().map(String::strip).map(l -> l.replaceFirst("^[-*\u2022]\\s*", "")).filter(l -> !l.isEmpty()).toList();
        }

        String choice(String name) {
            Field f = fields.get(name);
            String v = raw(name);
            if (f.options().stream().noneMatch(o -> o.value().equals(v))) {
                errors.add(name, f.missingMessage());
                return null;
            }
            return v;
        }

        int whole(String name, int min, int max) {
            Field f = fields.get(name);
            String v = raw(name);
            if (v.isEmpty()) {
                if (f.required()) errors.add(name, f.missingMessage());
                return 0;
            }
            if (!v.matches("\\d{1,4}")) {
                errors.add(name, f.label() + " must be a whole number, like " + Math.max(min, 1));
                return 0;
            }
            int n = Integer.parseInt(v);
            if (n < min || n > max) errors.add(name, f.label() + " must be between " + min + " and " + max);
            return n;
        }

        /** Pounds as typed ("150", "£150", "7.50") in pence; empty gives -1. */
        int pence(String name) {
            Field f = fields.get(name);
            String v = raw(name).replace("£", "").replace(",", "").strip();
            if (v.isEmpty()) return -1;
            if (!v.matches("\\d{1,5}(\\.\\d{1,2})?")) {
                errors.add(name, f.label() + " must be an amount in pounds, like 150 or 7.50");
                return -1;
            }
            return new BigDecimal(v).movePointRight(2).intValueExact();
        }

        String email(String name) {
            String v = raw(name);
            Field f = fields.get(name);
            if (!checked(f, v)) return "";
            Optional<String> problem = AnswerRules.email(v);
            problem.ifPresent(p -> errors.add(name, p));
            return AnswerRules.normaliseEmail(v);
        }

        String phone(String name) {
            String v = raw(name);
            if (!checked(fields.get(name), v)) return "";
            AnswerRules.phone(v).ifPresent(p -> errors.add(name, p));
            return v;
        }

        LocalDate date(String name, String what, boolean required) {
            String d = raw(name + "-day"), m = raw(name + "-month"), y = raw(name + "-year");
            String anchor = name + "-day";
            if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
                if (required) errors.add(anchor, "Enter the " + what.toLowerCase(Locale.UK));
                return null;
            }
            if (d.isEmpty() || m.isEmpty() || y.isEmpty()) {
                errors.add(anchor, what + " must include a day, month and year");
                return null;
            }
            if (!d.matches("\\d{1,2}") || !m.matches("\\d{1,2}") || !y.matches("\\d{4}")) {
                errors.add(anchor, what + " must be a real date, like 8 12 2025");
                return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            } catch (DateTimeException e) {
                errors.add(anchor, what + " must be a real date, like 8 12 2025");
                return null;
            }
        }

        List<Criterion> criteria(List<Criterion> previous) {
            String v = raw(CRITERIA);
            Field f = fields.get(CRITERIA);
            if (!checked(f, v)) return List.of();
            List<Criterion> out = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (String line : v.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                String upper = line.toUpperCase(Locale.ROOT);
                boolean essential = upper.startsWith("E:"), desirable = upper.startsWith("D:");
                String statement = line.length() > 2 ? line.substring(2).strip() : "";
                if (!(essential || desirable) || statement.isEmpty()) {
                    errors.add(CRITERIA, "Start each criterion with E: for essential or D: for desirable, then the statement. Check: "
                            + (line.length() > 40 ? line.substring(0, 40) + "..." : line));
                    return List.of();
                }
                // An unchanged statement keeps its id, so answers and scores already given stay with it.
                String id = previous.stream().filter(c -> c.statement().equals(statement) && c.essential() == essential && !used.contains(c.id()))
                        .map(Criterion::id).findFirst().orElse(null);
                if (id == null) {
                    String base = idFor(statement);
                    base = base.length() > 36 ? base.substring(0, 36).replaceAll("-+$", "") : base;
                    id = base;
                    Set<String> taken = new HashSet<>(used);
                    previous.forEach(c -> taken.add(c.id()));
                    for (int n = 2; taken.contains(id); n++) id = base + "-" + n;
                }
                used.add(id);
                out.add(new Criterion(id, statement, essential));
            }
            if (out.stream().noneMatch(Criterion::essential)) errors.add(CRITERIA, "Enter at least one essential criterion, starting E:");
            return out;
        }

        PaymentModel payment() {
            String kind = choice(PAYMENT);
            if (kind == null) return null;
            return switch (PaymentModel.Kind.valueOf(kind)) {
                case DAY_RATE -> {
                    int full = pence(FULL_DAY), half = pence(HALF_DAY);
                    int hours = whole(FULL_DAY_HOURS, 1, 12);
                    if (full <= 0 && !errors.has(FULL_DAY)) errors.add(FULL_DAY, "Enter the full day rate in pounds");
                    if (half <= 0 && !errors.has(HALF_DAY)) errors.add(HALF_DAY, "Enter the half day rate in pounds");
                    if (raw(FULL_DAY_HOURS).isEmpty() && !errors.has(FULL_DAY_HOURS)) errors.add(FULL_DAY_HOURS, "Enter the hours that count as a full day");
                    yield new PaymentModel(PaymentModel.Kind.DAY_RATE, Math.max(full, 0), Math.max(half, 0), hours * 60, 0, 0);
                }
                case MONTHLY_FIXED -> {
                    int monthly = pence(MONTHLY);
                    int hours = whole(MONTHLY_HOURS, 1, 200);
                    if (monthly <= 0 && !errors.has(MONTHLY)) errors.add(MONTHLY, "Enter the monthly amount in pounds");
                    if (raw(MONTHLY_HOURS).isEmpty() && !errors.has(MONTHLY_HOURS)) errors.add(MONTHLY_HOURS, "Enter the hours a month the amount covers");
                    yield PaymentModel.monthlyFixed(Math.max(monthly, 0), hours);
                }
                case UNPAID -> PaymentModel.unpaid();
            };
        }
    }

    /** Errors kept in the order of the questions on the page, whatever order they were found in. */
    private static final class OrderedErrors {
        private final FieldErrors found = new FieldErrors();

        void add(String anchor, String message) {
            found.add(anchor, message);
        }

        boolean has(String anchor) {
            return found.has(anchor);
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        FieldErrors inOrderOfAnchors() {
            FieldErrors ordered = new FieldErrors();
            for (Question q : questions()) {
                String a = anchor(q);
                if (found.has(a)) ordered.add(a, found.asMap().get(a));
            }
            found.asMap().forEach(ordered::add);
            return ordered;
        }
    }
}
