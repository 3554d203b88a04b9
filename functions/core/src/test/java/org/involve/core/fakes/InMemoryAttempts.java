package org.involve.core.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.involve.core.attempts.Attempts;
import org.involve.core.outbox.OutboxMessage;

/**
 * Counts tries in memory by the same rolling-window rule as the adapter: each key keeps the times (epoch millis) of
 * its tries still in the window, at most {@code limit} of them; e-mails go to the in-memory outbox with the count, as
 * the adapter's transaction does.
 */
public final class InMemoryAttempts implements Attempts {
    /** The times of the tries counted under each key (those left after the last try under it). */
    public final Map<String, long[]> counts = new ConcurrentHashMap<>();

    private final InMemoryOutbox outbox;

    public InMemoryAttempts(InMemoryOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public synchronized boolean take(String key, int limit, Duration window, Instant now) {
        long[] kept = Attempts.within(counts.getOrDefault(key, new long[0]), window, now);
        if (kept.length >= limit) return false;
        counts.put(
                key,
                LongStream.concat(LongStream.of(kept), LongStream.of(now.toEpochMilli()))
                        .toArray());
        return true;
    }

    @Override
    public synchronized boolean takeWithMail(
            String key, int limit, Duration window, Instant now, OutboxMessage message) {
        if (!take(key, limit, window, now)) return false;
        new InMemoryOutboxWriter(outbox).addOnce(message);
        return true;
    }
}
