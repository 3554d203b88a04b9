package org.involve.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;

/**
 * E-mails written alongside the records they are about, waiting to be sent: the one port of the outbox. A job that
 * only writes messages takes its narrow view, {@link OutboxWriter}; the mailer takes the whole.
 */
public interface Outbox extends OutboxWriter {
    Optional<OutboxMessage> find(String messageId);

    /**
     * The message with where it stands; also one whose text the retention job has removed ({@link
     * TrackedMessage#textDeleted}), so that staff can be told why it cannot be sent again.
     */
    Optional<TrackedMessage> tracked(String messageId);

    /** Pending messages due by {@code now}, oldest first (a query on an index keyed by due time, never a scan). */
    List<OutboxMessage> due(Instant now, int limit);

    /**
     * Records an attempt before it is made: a PENDING, due message becomes SENDING with the attempt's time
     * ({@code now}) and is held until {@code leaseUntil}. False if it is not PENDING and due (sent, held, or already
     * attempted): a SENDING message is never claimed again, as its attempt may have reached the provider.
     */
    boolean claim(String messageId, Instant now, Instant leaseUntil);

    /** The provider accepted it; {@code providerId} is its id for the message (null if it gave none). */
    void markSent(String messageId, Instant sentAt, String providerId);

    default void markSent(String messageId, Instant sentAt) {
        markSent(messageId, sentAt, null);
    }

    /**
     * Put an attempted message back to be tried again from {@code retryAt}.
     *
     * @param firstFailedAt when this run of retries began, kept so the retry window is counted from it
     */
    void retryLater(
            String messageId,
            int attempts,
            Instant retryAt,
            Instant firstFailedAt,
            MailSender.Problem problem,
            String reason);

    /**
     * Stop trying: FAILED, kept and listed for staff. It leaves the pending index. Its retention clock starts on the UK
     * day {@code at} (as a sent message's does when it is sent): the retention job removes its text, HTML, subject and
     * address the sent-e-mail period later unless staff act on it first.
     */
    void fail(String messageId, MailSender.Problem problem, String reason, Instant at);

    /**
     * The last attempt may have reached the provider: NEEDS_CHECKING, kept and listed, never re-sent by itself. Its
     * retention clock starts on the UK day {@code at}, as a failed message's does.
     */
    void needsChecking(String messageId, MailSender.Problem problem, String reason, Instant at);

    /**
     * FAILED and NEEDS_CHECKING messages, latest first (a query on a sparse index, never a scan), with those whose text
     * the retention job has removed ({@link TrackedMessage#textDeleted}) until staff take them off the list.
     */
    List<TrackedMessage> troubled(int limit);

    /**
     * Staff ask for a FAILED or NEEDS_CHECKING message to be sent again: PENDING, due {@code now}, a fresh retry
     * window, its retention clock stopped (sending or failing again starts it), with {@code entry} in the same
     * transaction. False if it is in neither state (already handled) or its text has been removed.
     */
    boolean sendAgain(String messageId, Instant now, AuditEntry entry);

    /**
     * Staff checked a NEEDS_CHECKING message did arrive, or passed on a FAILED one whose address is undeliverable
     * ({@link MailSender.Problem#ADDRESS_UNDELIVERABLE}) by telephone or post: SENT, its retention clock started again
     * on the UK day {@code now}, with {@code entry}. False if it is in neither state or its text has been removed.
     */
    boolean confirmSent(String messageId, Instant now, AuditEntry entry);

    /**
     * Staff take a FAILED or NEEDS_CHECKING message whose text the retention job has removed off the problems list,
     * with {@code entry}: there is nothing left of it to send or read. It stays as FAILED or NEEDS_CHECKING (its id,
     * purpose and when it was set aside). False if it is not such a message on the list.
     */
    boolean removeFromList(String messageId, AuditEntry entry);
}
