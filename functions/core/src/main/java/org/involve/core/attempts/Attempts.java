package org.involve.core.attempts;

import java.time.Duration;
import java.time.Instant;
import org.involve.core.outbox.OutboxMessage;

/**
 * Counts attempts per key and refuses them past a limit: the one limiter of the public journey and of short codes.
 * It limits asking for e-mails, sending applications from one client, acknowledgement e-mails to one address and
 * tries at a short code (by the public or by staff).
 *
 * <p>The rule is a rolling window, exact: at most {@code limit} tries are counted under one key in any {@code window}
 * of time. A try is counted at {@code now} when fewer than {@code limit} tries were counted in the {@code window}
 * before it (a try exactly {@code window} ago no longer counts); a refused try is not counted, so trying again while
 * refused never makes the wait longer. Nobody ever waits longer than {@code window} after being refused. The key
 * names no period: callers give a stable key (one-way, with no address in it) and the window. Where the counts are
 * kept is the adapter's choice: the journey's in the drafts table, the short codes' in the codes table; each key's
 * count is forgotten {@code window} after its newest try.
 */
public interface Attempts {
    /**
     * Counts one try under {@code key} at {@code now}, if fewer than {@code limit} were counted in the {@code window}
     * before it; atomic against other tries under the same key at the same moment.
     *
     * @return true if counted; false if {@code limit} tries were counted in the window already (this one is not)
     */
    boolean take(String key, int limit, Duration window, Instant now);

    /** As {@link #take}, and adds {@code message} to the outbox in the same transaction when the try is counted. */
    boolean takeWithMail(
            String key, int limit, Duration window, Instant now, OutboxMessage message);

    /**
     * The rule itself, shared by every keeper of counts: the tries still counted at {@code now} (those in the {@code
     * window} before it) among {@code times}, in epoch milliseconds, oldest first.
     */
    static long[] within(long[] times, Duration window, Instant now) {
        long since = now.toEpochMilli() - window.toMillis();
        return java.util.Arrays.stream(times).filter(t -> t > since).sorted().toArray();
    }
}
