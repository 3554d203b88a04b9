package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.Meetings;
import org.involve.core.outbox.OutboxMessage;

/** Meetings in memory, writing audit and outbox as the adapter's transactions do; counts the due-reads. */
public final class InMemoryMeetings implements Meetings {
    public final Map<String, Meeting> meetings = new LinkedHashMap<>();
    public final Map<String, Attendance> attendance = new LinkedHashMap<>();
    public final Map<String, AttendanceFlag> flags = new LinkedHashMap<>();
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryMeetings(InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public synchronized Optional<Meeting> find(String meetingId) {
        return Optional.ofNullable(meetings.get(meetingId));
    }

    @Override
    public synchronized List<Meeting> forRole(String roleId) {
        return meetings.values().stream()
                .filter(m -> m.roleId().equals(roleId))
                .sorted(Comparator.comparing(Meeting::startsAt))
                .toList();
    }

    @Override
    public synchronized List<Meeting> papersDue(LocalDate day) {
        return meetings.values().stream()
                .filter(m -> m.papersDue() != null && !m.papersDue().isAfter(day))
                .toList();
    }

    @Override
    public synchronized List<Meeting> heldBetween(LocalDate from, LocalDate to) {
        return meetings.values().stream()
                .filter(m -> !m.date().isBefore(from) && !m.date().isAfter(to))
                .toList();
    }

    @Override
    public synchronized List<Attendance> attendanceAt(String meetingId) {
        return attendance.values().stream().filter(a -> a.meetingId().equals(meetingId)).toList();
    }

    @Override
    public synchronized List<AttendanceFlag> flagsForRole(String roleId) {
        return flags.values().stream()
                .filter(f -> f.roleId().equals(roleId))
                .sorted(Comparator.comparing(AttendanceFlag::flaggedAt).reversed())
                .toList();
    }

    @Override
    public synchronized boolean plan(
            Meeting meeting, AuditEntry entry, List<OutboxMessage> invitations) {
        if (meetings.containsKey(meeting.id())) return false;
        meetings.put(meeting.id(), meeting);
        audit.append(entry);
        invitations.forEach(outbox::add);
        return true;
    }

    @Override
    public synchronized boolean papersSent(
            Meeting before, Meeting after, AuditEntry entry, List<OutboxMessage> messages) {
        Meeting stored = meetings.get(before.id());
        if (stored == null || stored.papersSent() != null) return false;
        meetings.put(after.id(), after);
        audit.append(entry);
        messages.forEach(outbox::add);
        return true;
    }

    @Override
    public synchronized boolean record(Attendance before, Attendance after, AuditEntry entry) {
        String key = after.meetingId() + "/" + after.appointmentId();
        Attendance stored = attendance.get(key);
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != (before == null ? 0 : before.version())) return false;
        attendance.put(key, after);
        audit.append(entry);
        return true;
    }

    @Override
    public synchronized boolean flag(AttendanceFlag flag, AuditEntry entry, OutboxMessage toTeam) {
        String key = flag.appointmentId() + "/" + flag.period();
        if (flags.containsKey(key)) return false;
        flags.put(key, flag);
        audit.append(entry);
        outbox.add(toTeam);
        return true;
    }

    @Override
    public synchronized boolean update(
            Meeting before, Meeting after, AuditEntry entry, List<OutboxMessage> messages) {
        Meeting stored = meetings.get(before.id());
        if (stored == null || stored.version() != before.version()) return false;
        meetings.put(after.id(), after);
        audit.append(entry);
        messages.forEach(outbox::add);
        return true;
    }
}
