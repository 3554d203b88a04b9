package org.involve.core.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ContactPreference;
import org.involve.core.application.Facts;

/**
 * What the round records about an applicant's outcome, read from and written to the application's facts here only
 * (stored in its {@code progress} map under {@code outcome.*} and {@code appointment.*}; the names and values must not
 * change, stored applications use them). {@code outcome} is decided when the notification is written; the applicant
 * has <em>heard</em> once {@code outcome.sentAt} is set: at once for an e-mail (it is in the outbox), or when staff mark
 * done the task of telephoning or writing to them.
 *
 * @param outcome          {@link #SUCCESSFUL} or {@link #UNSUCCESSFUL}, or null before it is decided
 * @param by               {@link #BY_EMAIL} or {@link #BY_STAFF}
 * @param taskDoneBy       the sign-in id of the member of staff who told them, when staff did
 * @param appointmentId    the partner record made when they were appointed
 * @param appointmentStart the day they start
 */
public record OutcomeFacts(
        String outcome,
        String by,
        Instant sentAt,
        String taskDoneBy,
        String appointmentId,
        LocalDate appointmentStart) {
    static final String OUTCOME = "outcome",
            SENT_AT = "outcome.sentAt",
            BY = "outcome.by",
            TASK_DONE_BY = "outcome.taskDoneBy",
            APPOINTMENT_ID = "appointment.id",
            APPOINTMENT_START = "appointment.start",
            RESERVE_CLOSED_AT = "outcome.reserveClosedAt";
    public static final String SUCCESSFUL = "successful", UNSUCCESSFUL = "unsuccessful";
    public static final String BY_EMAIL = "email", BY_STAFF = "staff";

    /** The fact whose presence means an outcome was decided: a notification is written only while it is absent. */
    static final String DECIDED_MARK = OUTCOME;

    /** The fact whose presence means the applicant has heard: the staff task is marked done only while it is absent. */
    static final String HEARD_MARK = SENT_AT;

    public static OutcomeFacts of(Application a) {
        return new OutcomeFacts(
                Facts.text(a, OUTCOME),
                Facts.text(a, BY),
                Facts.instant(a, SENT_AT),
                Facts.text(a, TASK_DONE_BY),
                Facts.text(a, APPOINTMENT_ID),
                Facts.date(a, APPOINTMENT_START));
    }

    /** Told by an e-mail (rather than by staff). */
    public boolean toldByEmail() {
        return BY_EMAIL.equals(by);
    }

    /**
     * An outcome has been decided and written (an e-mail queued, or a task given to staff), or the application ended
     * early (withdrawn, did not attend), which the applicant was told of when it was recorded.
     */
    public static boolean decided(Application a) {
        return a.status().endedEarly() || !a.progress(OUTCOME).isEmpty();
    }

    /**
     * The application ended without a place, so it is kept only for the unsuccessful retention period (kit.Retention,
     * the retention job): its status says so ({@link Application.Status#endedWithoutAPlace()}), or an unsuccessful
     * outcome was written while it stood at another status (its role was withdrawn, and everyone still in the round
     * was told there would be no place; no later step moves it).
     */
    public static boolean endedWithoutAPlace(Application a) {
        return a.status().endedWithoutAPlace() || UNSUCCESSFUL.equals(a.progress(OUTCOME));
    }

    /** The applicant has been told (a withdrawal or "did not attend" is told when it is recorded). */
    public static boolean heard(Application a) {
        return !a.progress(SENT_AT).isEmpty() || a.status().endedEarly();
    }

    /** Staff still have to telephone or write to them. */
    public static boolean taskOpen(Application a) {
        return BY_STAFF.equals(a.progress(BY)) && !heard(a);
    }

    /** By e-mail when they chose e-mail and gave an address; otherwise staff telephone or write, as they asked. */
    public static boolean byEmail(Application a) {
        return ContactPreference.byEmail(a.answers()) && !a.answer(ApplicationForm.EMAIL).isBlank();
    }

    /** The facts recorded when the outcome is written. */
    static Map<String, String> decidedFacts(Application a, String outcome, Instant now) {
        Map<String, String> facts = new HashMap<>(Map.of(OUTCOME, outcome));
        if (byEmail(a)) {
            facts.put(BY, BY_EMAIL);
            facts.put(SENT_AT, now.toString());
        } else {
            facts.put(BY, BY_STAFF);
        }
        return facts;
    }

    /** The appointment step's facts: a successful outcome, and the appointment made. */
    static Map<String, String> appointed(
            Application a, Instant now, String appointmentId, LocalDate start) {
        Map<String, String> facts = new HashMap<>(decidedFacts(a, SUCCESSFUL, now));
        facts.putAll(
                Facts.written()
                        .put(APPOINTMENT_ID, appointmentId)
                        .put(APPOINTMENT_START, start)
                        .map());
        return facts;
    }

    /** The reserve list they were on was closed with no place for them. */
    static Map<String, String> reserveClosed(Instant now) {
        return Facts.written().put(RESERVE_CLOSED_AT, now).map();
    }

    /** Their reserve list was closed (rather than a place offered). */
    public static boolean reserveClosed(Application a) {
        return !a.progress(RESERVE_CLOSED_AT).isEmpty();
    }

    /** Staff have told them, by telephone or letter. */
    static Map<String, String> toldByStaff(Instant now, String staffId) {
        return Facts.written().put(SENT_AT, now).put(TASK_DONE_BY, staffId).map();
    }
}
