package org.involve.core.draft;

import java.time.Instant;
import org.involve.core.outbox.OutboxMessage;

/**
 * Counts tries, so that asking for e-mails, guessing codes, sending applications from one client and acknowledgement
 * e-mails to one address are limited: the one limiter of the public journey (its counts live in the drafts table). Each key is one count in one period (the
 * caller puts the period in the key); counts are forgotten after {@code until}.
 */
public interface DraftLimits {
    /**
     * Counts one try under {@code key}, in one conditional write.
     *
     * @return true if counted; false if {@code limit} tries were counted already (this one is not)
     */
    boolean take(String key, int limit, Instant until);

    /** As {@link #take}, and adds {@code message} to the outbox in the same transaction when the try is counted. */
    boolean takeWithMail(String key, int limit, Instant until, OutboxMessage message);
}
