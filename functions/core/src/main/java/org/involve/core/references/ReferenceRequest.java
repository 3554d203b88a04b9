package org.involve.core.references;

import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;

/**
 * One referee asked for one reference. The id is opaque (it is the subject of the referee's signed link, so it must
 * never be an e-mail address); the referee's details stay in the application, found by {@code number}.
 *
 * @param nextReminderAt when the reminder job next looks at it, or null once it is received or the team has been told it is overdue
 * @param overdueSince   when the team was told no answer came after the last reminder, or null
 * @param answers        what the referee wrote ({@link ReferenceForm}'s fields), empty until received
 * @param refereeKey     a one-way key of the referee's e-mail address ({@link #refereeKeyOf}), by which a data
 *                       protection request finds the references they were asked for; null when none was given or
 *                       after the referee's details were erased
 */
public record ReferenceRequest(
        String id,
        String roleId,
        String applicantKey,
        String applicationReference,
        int number,
        State state,
        Instant requestedAt,
        int remindersSent,
        Instant lastRemindedAt,
        Instant nextReminderAt,
        Instant overdueSince,
        Instant receivedAt,
        Map<String, String> answers,
        String refereeKey) {

    public enum State {
        REQUESTED,
        RECEIVED
    }

    public ReferenceRequest {
        if (id == null || !id.matches("[A-Za-z0-9_-]{16,64}"))
            throw new IllegalArgumentException("A reference request needs an opaque id");
        if (number < 1) throw new IllegalArgumentException("Referees are numbered from 1");
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    public static ReferenceRequest requested(
            String id, Application app, int number, Instant now, Instant firstReminder) {
        return new ReferenceRequest(
                id,
                app.roleId(),
                app.applicantKey(),
                app.reference(),
                number,
                State.REQUESTED,
                now,
                0,
                null,
                firstReminder,
                null,
                null,
                Map.of(),
                refereeKeyOf(
                        app.answers()
                                .getOrDefault(
                                        ApplicationForm.refereeField(
                                                number, ApplicationForm.REFEREE_EMAIL),
                                        "")));
    }

    /**
     * The one-way key of a referee's e-mail address: the same hash as an applicant key made from an address, so one
     * look-up by address finds a person as applicant, partner or referee. Null for no address.
     */
    public static String refereeKeyOf(String email) {
        if (email == null || email.isBlank()) return null;
        return org.involve.core.kit.References.sha256(
                "email:" + org.involve.core.kit.AnswerRules.normaliseEmail(email));
    }

    public boolean received() {
        return state == State.RECEIVED;
    }

    public boolean overdue() {
        return state == State.REQUESTED && overdueSince != null;
    }

    ReferenceRequest reminded(Instant now, Instant next) {
        return new ReferenceRequest(
                id,
                roleId,
                applicantKey,
                applicationReference,
                number,
                state,
                requestedAt,
                remindersSent + 1,
                now,
                next,
                overdueSince,
                receivedAt,
                answers,
                refereeKey);
    }

    ReferenceRequest toldOverdue(Instant now) {
        return new ReferenceRequest(
                id,
                roleId,
                applicantKey,
                applicationReference,
                number,
                state,
                requestedAt,
                remindersSent,
                lastRemindedAt,
                null,
                now,
                receivedAt,
                answers,
                refereeKey);
    }

    /** No more reminders: the application has moved on without this reference (for instance, the applicant withdrew). */
    ReferenceRequest withoutReminders() {
        return new ReferenceRequest(
                id,
                roleId,
                applicantKey,
                applicationReference,
                number,
                state,
                requestedAt,
                remindersSent,
                lastRemindedAt,
                null,
                overdueSince,
                receivedAt,
                answers,
                refereeKey);
    }

    ReferenceRequest receivedWith(Map<String, String> written, Instant now) {
        return new ReferenceRequest(
                id,
                roleId,
                applicantKey,
                applicationReference,
                number,
                State.RECEIVED,
                requestedAt,
                remindersSent,
                lastRemindedAt,
                null,
                overdueSince,
                now,
                written,
                refereeKey);
    }
}
