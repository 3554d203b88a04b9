package org.involve.core.attempts;

import java.time.Instant;
import org.involve.core.outbox.OutboxMessage;

/**
 * Counts attempts per key and refuses them past a limit: the one limiter of the public journey and of short codes.
 * It limits asking for e-mails, sending applications from one client, acknowledgement e-mails to one address and
 * tries at a short code (by the public or by staff). Each key is one count in one period (the caller puts the period
 * in the key); counts are forgotten after {@code until}. Where the counts are kept is the adapter's choice: the
 * journey's in the drafts table, the short codes' in the codes table.
 */
public interface Attempts {
    /**
     * Counts one try under {@code key}, in one conditional write.
     *
     * @return true if counted; false if {@code limit} tries were counted already (this one is not)
     */
    boolean take(String key, int limit, Instant until);

    /** As {@link #take}, and adds {@code message} to the outbox in the same transaction when the try is counted. */
    boolean takeWithMail(String key, int limit, Instant until, OutboxMessage message);
}
