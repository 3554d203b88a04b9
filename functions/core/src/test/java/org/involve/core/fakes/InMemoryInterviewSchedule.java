package org.involve.core.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.interviews.FollowUpFacts;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;

/** Slots in memory beside {@link InMemoryRound}: every step checks all its conditions before writing anything, as a transaction does. */
public final class InMemoryInterviewSchedule implements InterviewSchedule {
    public final Map<String, InterviewSlot> slots = new TreeMap<>();
    public final Set<String> reminded = new HashSet<>();
    public final List<AuditEntry> slotAudit = new ArrayList<>();
    private final InMemoryRound round;
    private final InMemoryUsedLinks used;
    private final InMemoryOutbox outbox;

    /** The reminder-to-book index: application reference to when its reminder is due. */
    public final Map<String, Instant> bookingReminders = new java.util.TreeMap<>();

    /** Counts the reminder index's queries, and the slots each returned. */
    public final List<Integer> reminderQueries = new ArrayList<>();

    public InMemoryInterviewSchedule(
            InMemoryRound round, InMemoryUsedLinks used, InMemoryOutbox outbox) {
        this.round = round;
        this.used = used;
        this.outbox = outbox;
    }

    private static String key(InterviewSlot s) {
        return s.roleId() + "|" + s.slotId();
    }

    @Override
    public synchronized List<InterviewSlot> forRole(String roleId) {
        return slots.values().stream()
                .filter(s -> s.roleId().equals(roleId))
                .sorted(Comparator.comparing(InterviewSlot::startsAt))
                .toList();
    }

    @Override
    public synchronized boolean add(InterviewSlot slot, AuditEntry audit) {
        if (slots.containsKey(key(slot))) return false;
        slots.put(key(slot), slot);
        slotAudit.add(audit);
        return true;
    }

    @Override
    public synchronized boolean removeFree(InterviewSlot slot, AuditEntry audit) {
        InterviewSlot stored = slots.get(key(slot));
        if (stored == null || !stored.free()) return false;
        slots.remove(key(slot));
        slotAudit.add(audit);
        return true;
    }

    @Override
    public synchronized boolean invite(
            Application app,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages,
            Instant remindToBookAt) {
        Application stored =
                round.find(app.roleId(), app.applicantKey(), Read.CONSISTENT).orElse(null);
        if (stored == null || InterviewFacts.of(stored).invited()) return false;
        if (messages.stream().anyMatch(m -> outbox.entries.containsKey(m.id()))) return false;
        if (!round.advance(stored, Application.Status.INVITED_TO_INTERVIEW, facts, audit, messages))
            return false;
        if (remindToBookAt != null) bookingReminders.put(stored.reference(), remindToBookAt);
        return true;
    }

    @Override
    public synchronized Booked book(Booking b) {
        InterviewSlot stored = slots.get(key(b.slot()));
        if (stored == null || !stored.free()) return Booked.SLOT_TAKEN;
        if (b.tokenId() != null && used.used.containsKey(b.tokenId())) return Booked.LINK_USED;
        Application current =
                round.find(
                                b.application().roleId(),
                                b.application().applicantKey(),
                                Read.CONSISTENT)
                        .orElse(null);
        if (current == null || current.status() != Application.Status.INVITED_TO_INTERVIEW)
            return Booked.APPLICATION_MOVED;
        if (!round.advance(
                current, Application.Status.INTERVIEW_BOOKED, b.facts(), b.audit(), b.messages()))
            return Booked.APPLICATION_MOVED;
        if (b.tokenId() != null) used.markUsed(b.tokenId(), b.at());
        bookingReminders.remove(current.reference());
        slots.put(key(stored), stored.bookedFor(current.reference(), current.applicantKey()));
        return Booked.BOOKED;
    }

    @Override
    public synchronized List<InterviewSlot> awaitingReminder(Instant from, Instant until) {
        List<InterviewSlot> due =
                slots.values().stream()
                        .filter(
                                s ->
                                        !s.free()
                                                && !reminded.contains(key(s))
                                                && !s.startsAt().isBefore(from)
                                                && s.startsAt().isBefore(until))
                        .sorted(Comparator.comparing(InterviewSlot::startsAt))
                        .toList();
        reminderQueries.add(due.size());
        return due;
    }

    @Override
    public synchronized boolean remindOnce(InterviewSlot slot, OutboxMessage reminder) {
        InterviewSlot stored = slots.get(key(slot));
        if (stored == null
                || stored.free()
                || !stored.bookedBy().equals(slot.bookedBy())
                || reminded.contains(key(slot))) return false;
        if (outbox.entries.containsKey(reminder.id())) return false;
        reminded.add(key(slot));
        outbox.add(reminder);
        return true;
    }

    @Override
    public synchronized boolean release(
            InterviewSlot slot,
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages) {
        InterviewSlot stored = slots.get(key(slot));
        if (stored == null || !current.reference().equals(stored.bookedBy())) return false;
        if (!round.advance(current, to, facts, audit, messages)) return false;
        slots.put(
                key(stored),
                new InterviewSlot(
                        stored.roleId(),
                        stored.slotId(),
                        stored.startsAt(),
                        stored.minutes(),
                        null,
                        null));
        reminded.remove(key(stored));
        return true;
    }

    @Override
    public synchronized List<Application> awaitingBookingReminder(Instant dueBy) {
        List<Application> due = new ArrayList<>();
        for (var e : bookingReminders.entrySet())
            if (!e.getValue().isAfter(dueBy))
                round.findByReference(e.getKey(), Read.CONSISTENT).ifPresent(due::add);
        return due;
    }

    @Override
    public synchronized boolean remindToBookOnce(
            Application current,
            Map<String, String> facts,
            AuditEntry audit,
            OutboxMessage reminder) {
        Application stored =
                round.find(current.roleId(), current.applicantKey(), Read.CONSISTENT).orElse(null);
        if (stored == null
                || stored.status() != current.status()
                || !stored.progress(FollowUpFacts.REMINDER_MARK).isEmpty()
                || outbox.entries.containsKey(reminder.id())) return false;
        bookingReminders.remove(current.reference());
        return round.advance(stored, stored.status(), facts, audit, List.of(reminder));
    }

    @Override
    public synchronized void noBookingReminder(Application app) {
        bookingReminders.remove(app.reference());
    }
}
