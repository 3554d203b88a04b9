package org.involve.core.references;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * Where reference requests are kept. Every change is one transaction with what goes with it: the application's step,
 * the used link, the audit entry, the e-mails. The application's own step is the same conditional step as
 * {@link org.involve.core.application.RoundApplications#advance}, so it happens once however many people act at once.
 */
public interface ReferenceBook {

    /**
     * Referees asked: moves {@code current} to REFERENCES_REQUESTED (after a successful interview, an offer from the
     * reserve list, or staying there when a referee is replaced) with {@code facts}, {@code audit} and the referees'
     * e-mails, and stores {@code requests}, all together.
     * @return false, writing nothing, when the application is no longer in {@code current.status()}
     */
    boolean request(
            Application current,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages,
            List<ReferenceRequest> requests);

    /** A request as it is now (a consistent read). */
    Optional<ReferenceRequest> find(String requestId);

    /** The application's step when the last reference arrives: REFERENCES_REQUESTED to REFERENCES_RECEIVED, with the team's e-mail. */
    record Completion(
            Application current,
            Map<String, String> facts,
            AuditEntry audit,
            OutboxMessage teamMessage) {}

    enum Answered {
        STORED,
        /** The link had been used already (by this referee, or a copy of the link). */
        LINK_ALREADY_USED,
        /** The request had been answered already, through another of its links. */
        ALREADY_ANSWERED,
        /** Another referee of the same application answered meanwhile: read again and retry. Nothing was written. */
        OTHERS_CHANGED
    }

    /**
     * Stores {@code received} (the request's new state), spending the link {@code tokenId} (null when staff took the
     * reference by telephone, so no link is spent) and appending {@code audit},
     * on condition that the request is still unanswered and each of {@code others} (the application's other requests) is
     * still as read; with {@code completion} (when every other one was read as received) the application's step too.
     */
    Answered answer(
            ReferenceRequest received,
            String tokenId,
            Instant now,
            AuditEntry audit,
            List<ReferenceRequest> others,
            Completion completion);

    /** Unanswered requests whose next reminder is due at or before {@code now}: a query on an index keyed by that time, never a scan. */
    List<ReferenceRequest> remindersDueBy(Instant now);

    /**
     * Replaces {@code asRead} with {@code next}, with its e-mails and audit entry (null for none), if it is still exactly as
     * read (same state and reminders sent): a second run, or one racing this, writes nothing.
     */
    boolean remind(
            ReferenceRequest asRead,
            ReferenceRequest next,
            List<OutboxMessage> messages,
            AuditEntry audit);
}
