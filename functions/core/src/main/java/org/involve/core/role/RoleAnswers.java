package org.involve.core.role;

import static org.involve.core.role.RoleForm.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads what was posted on the role form into a {@link Role}, or into messages in plain words (from content/roles)
 * for the NHS.UK error summary, in the order of the questions on the page.
 */
final class RoleAnswers {
    private RoleAnswers() {}

    /**
     * Reads the posted form. {@code previous} is the role being edited (its id, status and criterion ids are kept, so
     * answers already given to a criterion stay with it), or null for a new role, which gets {@code newId} and DRAFT.
     */
    static Result read(Map<String, String> posted, Role previous, String newId) {
        PostedRole in = new PostedRole(posted);
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
            in.errors.add(PRIORITY_PLACES, PostedRole.error(PRIORITY_PLACES, "moreThanPlaces"));
        }
        if (priorityPlaces > 0 && communities.isEmpty() && !in.errors.has(PRIORITY_COMMUNITIES)) {
            in.errors.add(
                    PRIORITY_COMMUNITIES,
                    PostedRole.error(PRIORITY_COMMUNITIES, "missingForPlaces"));
        }
        List<Criterion> criteria = in.criteria(previous == null ? List.of() : previous.criteria());
        LocalDate closing = in.date(CLOSING, true);
        LocalDate interviewWeek = in.date(INTERVIEW_WEEK, true);
        if (closing != null && interviewWeek != null && !interviewWeek.isAfter(closing)) {
            in.rejectDate(INTERVIEW_WEEK, "notAfterClosing");
        } else if (interviewWeek != null && interviewWeek.getDayOfWeek() != DayOfWeek.MONDAY) {
            // Booking slots run Monday to Sunday from this date, and letters say "week commencing".
            in.rejectDate(INTERVIEW_WEEK, "notMonday");
        }
        String interviewFormat = in.text(INTERVIEW_FORMAT);
        int references = in.whole(REFERENCES, 0, 5);
        int ackDays = in.whole(ACK_DAYS, 1, 28);
        String meetings = in.text(MEETINGS), timeAsked = in.text(TIME_ASKED);
        int minMeetings = in.whole(MIN_MEETINGS, 0, 60), minPercent = in.whole(MIN_PERCENT, 0, 100);
        int initial = in.whole(INITIAL_YEARS, 0, 4), extension = in.whole(EXTENSION_YEARS, 0, 4);
        int extensions = in.whole(EXTENSIONS, 0, 4), maxYears = in.whole(MAX_YEARS, 1, 4);
        LocalDate review = in.date(REVIEW, false);
        if (!in.errors.has(INITIAL_YEARS) && !in.errors.has(MAX_YEARS) && initial > maxYears) {
            in.errors.add(INITIAL_YEARS, PostedRole.error(INITIAL_YEARS, "longerThanMaximum"));
        }
        if (!in.errors.has(INITIAL_YEARS)
                && initial == 0
                && review == null
                && !in.dateHasError(REVIEW)) {
            in.errors.add(INITIAL_YEARS, PostedRole.error(INITIAL_YEARS, "termOrReview"));
        }
        PaymentModel payment = in.payment();
        boolean allNhs = "yes".equals(in.choice(ALL_NHS));
        int maxPaid = in.whole(MAX_PAID, 1, 10);
        String contactName = in.text(CONTACT_NAME);
        String contactEmail = in.email(CONTACT_EMAIL);
        String contactPhone = in.phone(CONTACT_PHONE);
        String teamEmail = in.email(TEAM_EMAIL);
        String benefitsEmail = in.email(BENEFITS_EMAIL);
        if (payment != null
                && payment.isPaid()
                && benefitsEmail.isEmpty()
                && !in.errors.has(BENEFITS_EMAIL)) {
            in.errors.add(BENEFITS_EMAIL, PostedRole.error(BENEFITS_EMAIL, "paidRole"));
        }
        if (!in.errors.isEmpty()) return new Invalid(in.errors.inOrderOfAnchors());

        String id = previous == null ? newId : previous.id();
        RoleStatus status = previous == null ? RoleStatus.DRAFT : previous.status();
        return new Valid(
                new Role(
                        id,
                        title,
                        programme,
                        organisation,
                        summary,
                        does,
                        lookingFor,
                        places,
                        placesNote,
                        priorityPlaces,
                        communities,
                        criteria,
                        closing,
                        interviewWeek,
                        interviewFormat,
                        references,
                        ackDays,
                        new Commitment(meetings, timeAsked, minMeetings, minPercent),
                        new Tenure(initial, extension, extensions, maxYears, review),
                        payment,
                        new EligibilityPolicy(allNhs, maxPaid),
                        new Contact(
                                contactName, contactEmail, contactPhone, teamEmail, benefitsEmail),
                        status));
    }
}
