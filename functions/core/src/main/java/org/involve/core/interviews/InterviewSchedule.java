package org.involve.core.interviews;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * Where interview slots are kept, and the steps that must land together with an application's move: inviting
 * (once), booking (a slot once, a link once) and reminding (once). Each is one transaction, or nothing.
 */
public interface InterviewSchedule {
    /** The role's slots, earliest first (a query on the role's key). */
    List<InterviewSlot> forRole(String roleId);

    /** Adds a free slot with its audit entry; false, writing nothing, when the role already has a slot at that time. */
    boolean add(InterviewSlot slot, AuditEntry audit);

    /** Removes a slot with its audit entry, only while nobody has booked it; false, writing nothing, otherwise. */
    boolean removeFree(InterviewSlot slot, AuditEntry audit);

    /**
     * Records an invitation: the application's facts, audit entry and messages, on condition that it is still invited
     * to interview and has not been invited before. False, writing nothing, otherwise: sending twice sends once.
     * {@code remindToBookAt}, when not null, puts the application in the index of those to remind to book, due then;
     * booking takes it out.
     */
    boolean invite(
            Application app,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages,
            Instant remindToBookAt);

    /** Everything a booking writes. {@code tokenId} is the one-use link spent by it, or null when staff book for the applicant. */
    record Booking(
            InterviewSlot slot,
            Application application,
            String tokenId,
            Instant at,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages) {}

    enum Booked {
        BOOKED,
        SLOT_TAKEN,
        LINK_USED,
        APPLICATION_MOVED
    }

    /**
     * In one transaction: the slot becomes the applicant's (only if it exists and is free), the link is spent (only if
     * unused), the application moves from INVITED_TO_INTERVIEW to INTERVIEW_BOOKED with the facts, and the audit entry
     * and messages are written. Anything else, and nothing is written.
     */
    Booked book(Booking booking);

    /**
     * Booked slots starting from {@code from} up to (not including) {@code until} whose reminder has not been written:
     * a query on an index keyed by interview time that holds only slots awaiting a reminder, never a scan.
     */
    List<InterviewSlot> awaitingReminder(Instant from, Instant until);

    /** Writes the reminder and takes the slot out of the reminder index, together; false, writing nothing, if it was already done. */
    boolean remindOnce(InterviewSlot slot, OutboxMessage reminder);

    /**
     * In one transaction: {@code slot} is freed (only if it is still booked for {@code current}), and the application
     * moves from {@code current.status()} to {@code to} with {@code facts}, {@code audit} and {@code messages}. False,
     * writing nothing, when the slot is no longer theirs or the application has moved on.
     */
    boolean release(
            InterviewSlot slot,
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages);

    /**
     * Applications whose reminder to book is due at or before {@code dueBy}: a query on a sparse index of applications
     * keyed by that time, holding only those invited whose reminder has not been written, never a scan.
     */
    List<Application> awaitingBookingReminder(Instant dueBy);

    /**
     * Writes the reminder to book with {@code facts} and its audit entry, and takes the application out of that index, together; only if
     * it is still at {@code current.status()} and its reminder was not written ({@link FollowUpFacts#REMINDER_MARK}).
     * False, writing nothing, otherwise.
     */
    boolean remindToBookOnce(
            Application current,
            Map<String, String> facts,
            AuditEntry audit,
            OutboxMessage reminder);

    /** Takes an application that no longer needs a reminder to book (booked, withdrawn...) out of that index. */
    void noBookingReminder(Application app);
}
