package org.involve.core.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;

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
    public record DateQuestion(String name, String legend, String hint, boolean required)
            implements Question {}

    public record Part(String heading, List<Question> questions) {}

    public static final String TITLE = "title",
            PROGRAMME = "programme",
            ORGANISATION = "organisation",
            SUMMARY = "summary",
            DOES = "whatTheRoleDoes",
            LOOKING_FOR = "whoWeAreLookingFor",
            PLACES = "places",
            PLACES_NOTE = "placesNote",
            PRIORITY_PLACES = "priorityPlaces",
            PRIORITY_COMMUNITIES = "priorityCommunities",
            CRITERIA = "criteria",
            CLOSING = "closingDate",
            INTERVIEW_WEEK = "interviewWeek",
            INTERVIEW_FORMAT = "interviewFormat",
            REFERENCES = "referencesRequired",
            ACK_DAYS = "acknowledgementDays",
            MEETINGS = "meetings",
            TIME_ASKED = "timeAsked",
            MIN_MEETINGS = "minimumMeetingsPerYear",
            MIN_PERCENT = "minimumAttendancePercent",
            INITIAL_YEARS = "initialYears",
            EXTENSION_YEARS = "extensionYears",
            EXTENSIONS = "extensionsAllowed",
            MAX_YEARS = "maximumYears",
            REVIEW = "reviewDate",
            PAYMENT = "paymentKind",
            FULL_DAY = "fullDayPounds",
            HALF_DAY = "halfDayPounds",
            FULL_DAY_HOURS = "fullDayMinimumHours",
            MONTHLY = "monthlyPounds",
            MONTHLY_HOURS = "monthlyHoursIncluded",
            ALL_NHS = "excludesAllNhsStaff",
            MAX_PAID = "maximumPaidRoles",
            CONTACT_NAME = "contactName",
            CONTACT_EMAIL = "contactEmail",
            CONTACT_PHONE = "contactPhone",
            TEAM_EMAIL = "teamEmail",
            BENEFITS_EMAIL = "benefitsAdviceEmail";

    /** The form's parts and questions, their words from content/roles. */
    public static final List<Part> PARTS = RoleQuestions.parts();

    private RoleForm() {}

    /** Every question in page order. */
    public static List<Question> questions() {
        return PARTS.stream().flatMap(p -> p.questions().stream()).toList();
    }

    /** What a question's error may link to: the date's boxes (see {@link DateInput#anchor}), or the field itself. */
    static List<String> anchors(Question q) {
        return q instanceof DateQuestion ? DateInput.boxes(q.name()) : List.of(q.name());
    }

    /** What was posted, as a role, or what is wrong with it. */
    public sealed interface Result permits Valid, Invalid {}

    public record Valid(Role role) implements Result {}

    public record Invalid(FieldErrors errors) implements Result {}

    /** Values for a blank form: the defaults the seeds suggest. */
    public static Map<String, String> defaults() {
        return RoleValues.defaults();
    }

    /** A role's values in the form's terms, for editing it. */
    public static Map<String, String> valuesOf(Role r) {
        return RoleValues.of(r);
    }

    /**
     * Reads the posted form. {@code previous} is the role being edited (its id, status and criterion ids are kept, so
     * answers already given to a criterion stay with it), or null for a new role, which gets {@code newId} and DRAFT.
     */
    public static Result read(Map<String, String> posted, Role previous, String newId) {
        return RoleAnswers.read(posted, previous, newId);
    }

    /** A role id from its title: lower-case words joined by hyphens, at most 50 characters. */
    public static String idFor(String title) {
        String slug =
                title == null
                        ? ""
                        : title.toLowerCase(Locale.ROOT)
                                .replaceAll("[^a-z0-9]+", "-")
                                .replaceAll("^-+|-+$", "");
        if (slug.length() > 50) slug = slug.substring(0, 50).replaceAll("-+[^-]*$", "");
        return slug.isEmpty() ? "role" : slug;
    }

    /** One question whose answer someone entered differently from the role as it is now, both as a person reads them. */
    public record Difference(String question, String now, String entered) {}

    /**
     * The questions whose answer in {@code entered} (a posted form) differs from {@code now} (a role's values), in page
     * order: what a person typed that the role as it is now does not say. Line endings and spaces at either end do
     * not count as a difference; a choice is shown by its label and a date as day/month/year.
     */
    public static List<Difference> differences(
            Map<String, String> now, Map<String, String> entered) {
        List<Difference> out = new ArrayList<>();
        for (Question q : questions()) {
            String was = shown(q, now), typed = shown(q, entered);
            if (!was.equals(typed))
                out.add(
                        new Difference(
                                q instanceof Plain p
                                        ? p.field().label()
                                        : ((DateQuestion) q).legend(),
                                was,
                                typed));
        }
        return out;
    }

    private static String shown(Question q, Map<String, String> values) {
        if (q instanceof Plain p) {
            String v = tidy(values.get(p.name()));
            return p.field().options().isEmpty() || v.isEmpty() ? v : p.field().labelFor(v);
        }
        String d = tidy(values.get(q.name() + "-day")),
                m = tidy(values.get(q.name() + "-month")),
                y = tidy(values.get(q.name() + "-year"));
        return d.isEmpty() && m.isEmpty() && y.isEmpty() ? "" : d + "/" + m + "/" + y;
    }

    private static String tidy(String v) {
        return v == null ? "" : v.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
