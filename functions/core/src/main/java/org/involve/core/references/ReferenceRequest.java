package org.involve.core.references;

import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;

/**
 * One referee asked for one reference. The id is opaque (it is the subject of the referee's signed link, so it must
 * never be an e-mail address); the referee's details stay in the application, found by {@code number}.
 *
 * @param nextReminderAt when the reminder job next looks at it, or null once it is received or the team has been told it is overdue
 * @param overdueSince   when the team was told no answer came after the last reminder, or null
 * @param answers        what the referee wrote ({@link ReferenceForm}'s fields), empty until received
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
        Map<String, String> answers) {

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
                Map.of());
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
                answers);
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
                answers);
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
                answers);
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
                written);
    }
}
