package org.involve.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * E-mails written alongside the records they are about, waiting to be sent: the one port of the outbox. A job that
 * only writes messages takes its narrow view, {@link OutboxWriter}; the mailer takes the whole.
 */
public interface Outbox extends OutboxWriter {
    Optional<OutboxMessage> find(String messageId);

    /** Pending messages due by {@code now}, oldest first (a query on an index keyed by due time, never a scan). */
    List<OutboxMessage> due(Instant now, int limit);

    /** Take a pending, due message for sending until {@code leaseUntil}; false if it was sent or is held by another sender. */
    boolean claim(String messageId, Instant now, Instant leaseUntil);

    void markSent(String messageId, Instant sentAt);

    /** Put the message back to be tried again from {@code retryAt}. */
    void retryLater(String messageId, int attempts, Instant retryAt, String reason);

    /** Stop trying: the provider said the message can never be delivered. It leaves the pending index. */
    void giveUp(String messageId, String reason);
}
