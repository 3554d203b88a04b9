package org.involve.core.audit;

import java.time.Instant;
import org.involve.core.staff.StaffMember;

/**
 * One line of the record of who decided what and when: who acted (a staff id, or the job that ran), what they
 * did, which record, when, and the state before and after. Entries hold ids and states, not names or answers,
 * so the trail can be kept as long as the decisions need defending without keeping personal data with it.
 *
 * @param fromState the state before, or null when the record was created by this action
 */
public record AuditEntry(
        String who, String what, String record, Instant when, String fromState, String toState) {
    public static final String SCHEDULER = "scheduler";

    public AuditEntry {
        who = required(who, "who acted");
        what = required(what, "what was done");
        record = required(record, "which record");
        if (when == null) throw new IllegalArgumentException("An audit entry needs the time");
        fromState = fromState == null ? null : required(fromState, "the state before");
        toState = required(toState, "the state after");
    }

    public static AuditEntry by(
            StaffMember who,
            String what,
            String record,
            Instant when,
            String fromState,
            String toState) {
        return new AuditEntry(who.id(), what, record, when, fromState, toState);
    }

    /** An action taken by a scheduled job rather than a person. */
    public static AuditEntry byJob(
            String job,
            String what,
            String record,
            Instant when,
            String fromState,
            String toState) {
        return new AuditEntry(job(job), what, record, when, fromState, toState);
    }

    /** Who acted, when a scheduled job did: "scheduler:" and the job's name. */
    public static String job(String job) {
        return SCHEDULER + ":" + job;
    }

    // One line each, so an entry can never be made to look like two.
    private static String required(String value, String what) {
        if (value == null || value.isBlank())
            throw new IllegalArgumentException("An audit entry needs " + what);
        if (value.length() > 300
                || value.chars().anyMatch(Character::isISOControl)
                || value.contains("\u2028")
                || value.contains("\u2029"))
            throw new IllegalArgumentException(
                    "An audit entry's " + what + " must be one short line");
        return value.strip();
    }
}
