package org.involve.core.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * Meetings, the attendance recorded at them and the attendance flags. Every list is a query on a key or an index,
 * never a scan: the jobs read only what is due (papers by their due day, meetings by their day).
 */
public interface Meetings {

    Optional<Meeting> find(String meetingId);

    /** A role's meetings, soonest first. */
    List<Meeting> forRole(String roleId);

    /** Meetings whose papers are due on or before {@code day} and not yet sent: a query on the papers index. */
    List<Meeting> papersDue(LocalDate day);

    /** Meetings held from {@code from} to {@code to}, both included: a query on the meeting-day index. */
    List<Meeting> heldBetween(LocalDate from, LocalDate to);

    /** What was recorded at one meeting, one per partner recorded. */
    List<Attendance> attendanceAt(String meetingId);

    /** Flags raised for a role's partners, newest first. */
    List<AttendanceFlag> flagsForRole(String roleId);

    /** In one transaction: stores the new meeting, its audit entry and the invitations. */
    /** @return false, writing nothing, when a meeting with its id exists */
    boolean plan(Meeting meeting, AuditEntry audit, List<OutboxMessage> invitations);

    /**
     * In one transaction: marks the papers sent (taking the meeting out of the papers index), appends the audit entry
     * and queues the messages.
     *
     * @return false, writing nothing, when they were sent already
     */
    boolean papersSent(
            Meeting before, Meeting after, AuditEntry audit, List<OutboxMessage> messages);

    /**
     * In one transaction: stores what was recorded for one partner, on condition the stored mark is still {@code
     * before} (none stored when null), with its audit entry.
     *
     * @return false, writing nothing, when someone recorded meanwhile
     */
    boolean record(Attendance before, Attendance after, AuditEntry audit);

    /**
     * In one transaction: stores the flag unless one for that partner and period exists, its audit entry and the
     * team's e-mail.
     *
     * @return false, writing nothing, when that partner was flagged for that period already
     */
    boolean flag(AttendanceFlag flag, AuditEntry audit, OutboxMessage toTeam);

    /**
     * In one transaction: replaces the meeting (changed or cancelled) on condition the stored one is still at {@code
     * before}'s version, appends the audit entry and queues the messages.
     *
     * @return false, writing nothing, when someone changed it meanwhile
     */
    boolean update(Meeting before, Meeting after, AuditEntry audit, List<OutboxMessage> messages);
}
