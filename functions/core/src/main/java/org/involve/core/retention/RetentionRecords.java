package org.involve.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.kit.Retention;
import org.involve.core.partners.Appointment;
import org.involve.core.references.ReferenceFacts;
import org.involve.core.shortlisting.AnonymousIds;

/**
 * The retention job's port. Each kind of record is found through a sparse index keyed by the UK day its retention
 * clock started ({@code retention}, {@code retentionFrom}), written by the step that starts it: an application's step
 * to a status that ends it without a place, a partner's change that ends their involvement, an e-mail marked sent, or
 * set aside unsent for staff (failed, or not known to have gone). Never a scan: a query reads only what is due. Each
 * deletion is one transaction with its audit entry, on condition the record's clock still started on or before the
 * day asked for, so a step that restarted it meanwhile (the applicant told later) keeps it.
 */
public interface RetentionRecords {
    /** Applications that ended without a place whose clock started on or before {@code lastStartDay}, at most {@code limit}. */
    List<Application> applicationsDue(LocalDate lastStartDay, int limit);

    /**
     * Deletes the application and what belongs to it (its reference requests, its booked interview slot, its
     * shortlisting paper, scores and conflicts), with the audit entry; false if its clock was restarted or it has gone.
     */
    boolean delete(Remains remains, LocalDate lastStartDay, AuditEntry entry);

    /** Partner records whose involvement ended (retired or ended) on or before {@code lastStartDay}, at most {@code limit}. */
    List<Appointment> partnersDue(LocalDate lastStartDay, int limit);

    /** The application a partner record was made from (its role and the person's applicant key), if it is still kept. */
    Optional<Application> application(String roleId, String applicantKey);

    /**
     * Deletes the partner record and, when given, the application that led to it with what belongs to it, with the
     * audit entry; false if the involvement started again (its clock restarted) or the record has gone.
     */
    boolean deletePartner(
            Appointment partner,
            Optional<Remains> application,
            LocalDate lastStartDay,
            AuditEntry entry);

    /** Which clock an e-mail's text is kept by. Both run for the sent-e-mail period ({@link Retention#sentEmailDays}). */
    enum EmailClock {
        /** Sent, or marked sent by staff: from the UK day it was sent. */
        SENT,
        /**
         * Set aside unsent for staff (FAILED, or NEEDS_CHECKING): from the UK day it was set aside. Staff sending it
         * again stops the clock; sending it, marking it sent or failing again starts a new one.
         */
        SET_ASIDE
    }

    /** Ids of e-mails whose {@code clock} started on or before {@code lastStartDay}. */
    List<String> emailsDue(EmailClock clock, LocalDate lastStartDay, int limit);

    /**
     * Removes the e-mail's text, HTML, subject and address, keeping its id (which names the record it was about), its
     * purpose and when it was sent or set aside; with the audit entry. False if it has been done or its clock was
     * restarted or stopped.
     */
    boolean removeBody(
            String messageId,
            EmailClock clock,
            LocalDate lastStartDay,
            Instant now,
            AuditEntry entry);

    /**
     * An application due for deletion and the keys of what belongs to it, read from its own facts.
     *
     * @param interviewSlot the slot id it booked, or null
     * @param anonymousId its id on the shortlisting papers (there may be none)
     */
    record Remains(
            String roleId,
            String applicantKey,
            String reference,
            String status,
            List<String> referenceRequestIds,
            String interviewSlot,
            String anonymousId) {
        public Remains {
            referenceRequestIds = List.copyOf(referenceRequestIds);
        }

        /** What belongs to {@code a}, from its own facts; the anonymous id as the closing job made it. */
        public static Remains of(Application a, AnonymousIds ids) {
            String slot = InterviewFacts.of(a).slotId();
            return new Remains(
                    a.roleId(),
                    a.applicantKey(),
                    a.reference(),
                    a.status().name(),
                    ReferenceFacts.of(a).requestIds(),
                    slot == null || slot.isBlank() ? null : slot,
                    ids.of(a.roleId(), a.reference()));
        }
    }
}
