package org.involve.core.partners;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Paging;
import org.involve.core.outbox.OutboxMessage;

/**
 * Partners' appointments: one record per appointment, found by its id, by the person (for the paid-role limit), by
 * role, or by the e-mail address on record (for a new link). Each record holds the appointment and the partner's
 * involvement; the involvement starts from the application when they are appointed.
 */
public interface PartnerRecords {

    Optional<Appointment> find(String appointmentId);

    /** Every appointment of one person (their applicant key), whatever the role: a query on an index, never a scan. */
    List<Appointment> forPerson(String personKey);

    /**
     * The appointment with its involvement. The involvement is empty for a record made before involvement was kept
     * (the caller starts it from the application).
     */
    Optional<Stored> partner(String appointmentId);

    /** Every partner of one role, with their involvement where kept: a query on an index. */
    List<Stored> forRole(String roleId);

    /**
     * Up to {@code limit} partners in the directory's order ({@link PartnerDirectory#key}, newest appointment first)
     * from {@code cursor}: from the start or after its key in that order, or before its key in the reverse order
     * (nearest first). Only partners of {@code roleIds} (every role when null) and of {@code status} (any when null).
     * Without roles, read from an index in that order: the items read are bounded by {@code limit} (per status); with
     * roles, at worst every partner of those roles (a role has a handful), never every partner.
     */
    List<Stored> directory(
            List<String> roleIds, PartnerStatus status, Paging.Cursor cursor, int limit);

    /**
     * The appointments paused with a return date on or before {@code day}, for the job that ends those pauses: a query
     * on an index keyed by the return date that holds only paused partners who gave one, never a scan, so it reads
     * what is due whatever the number of partners. The index may lag a change by a moment: the job reads each record
     * again before acting ({@link PartnerChanges#returnOnDate}).
     */
    List<String> returningBy(LocalDate day);

    /** Partners whose e-mail address on record is {@code email} (compared as {@code AnswerRules.normaliseEmail} does). */
    List<Stored> withEmail(String email);

    /** A record as stored: its involvement is null when none was kept yet. */
    record Stored(Appointment appointment, Involvement involvement) {
        public Optional<Partner> partner() {
            return involvement == null
                    ? Optional.empty()
                    : Optional.of(new Partner(appointment, involvement));
        }
    }

    /**
     * In one transaction: stores the appointment (unless one with its id exists) with its involvement started from
     * {@code current} ({@link Involvement#from}), moves the application from REFERENCES_RECEIVED to APPOINTED with
     * {@code facts}, appends the audit entries and queues the messages.
     *
     * @return false, writing nothing, when the application is no longer at REFERENCES_RECEIVED or the appointment exists
     */
    boolean appoint(
            Application current,
            Appointment appointment,
            Map<String, String> facts,
            List<AuditEntry> audit,
            List<OutboxMessage> messages);

    /**
     * In one transaction: replaces the record with {@code after}, on condition that its involvement is still at
     * {@code before}'s version (or none is stored and {@code before}'s version is 0), appends the audit entries and
     * queues the messages.
     *
     * @return false, writing nothing, when the record changed meanwhile
     */
    boolean change(
            Partner before, Partner after, List<AuditEntry> audit, List<OutboxMessage> messages);
}
