package org.involve.core.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.attempts.Attempts;
import org.involve.core.outbox.OutboxMessage;

/**
 * Counts tries in memory (the period is in the key, so {@code until} is not needed); e-mails go to the in-memory outbox with the count, as the adapter's transaction does. */
public final class InMemoryAttempts implements Attempts {
    public final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final InMemoryOutbox outbox;

    public InMemoryAttempts(InMemoryOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public synchronized boolean take(String key, int limit, Instant until) {
        int now = counts.getOrDefault(key, 0);
        if (now >= limit) return false;
        counts.put(key, now + 1);
        return true;
    }

    @Override
    public synchronized boolean takeWithMail(
            String key, int limit, Instant until, OutboxMessage message) {
        if (!take(key, limit, until)) return false;
        new InMemoryOutboxWriter(outbox).addOnce(message);
        return true;
    }
}
