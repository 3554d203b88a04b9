package org.involve.core.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.outbox.MailQueue;
import org.involve.core.outbox.Outbox;
import org.involve.core.outbox.OutboxMessage;

/**
 * The outbox in memory. As the adapters' outbox does, it announces each message on the mail queue once it is written
 * (best effort: an unreachable queue leaves the message for the sweep), so tests see a step's mail announced with no
 * handler involved.
 */
public final class InMemoryOutbox implements Outbox {
    public enum State {
        PENDING,
        SENT,
        GAVE_UP
    }

    public record Entry(OutboxMessage message, State state, Instant leaseUntil) {}

    public final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final MailQueue mail;

    /** An outbox whose announcements no test looks at. */
    public InMemoryOutbox() {
        this(new RecordingMailQueue());
    }

    public InMemoryOutbox(MailQueue mail) {
        this.mail = mail;
    }

    public void add(OutboxMessage m) {
        addOnce(m);
    }

    /** Writes the message unless one has its id, and announces it if written; true if it was. */
    @Override
    public boolean addOnce(OutboxMessage m) {
        if (entries.putIfAbsent(m.id(), new Entry(m, State.PENDING, null)) != null) return false;
        try {
            mail.announce(m.id());
        } catch (RuntimeException unreachable) {
            // Safe in the outbox: the sweep sends it.
        }
        return true;
    }

    public List<OutboxMessage> messages() {
        return entries.values().stream()
                .map(Entry::message)
                .sorted(Comparator.comparing(OutboxMessage::id))
                .toList();
    }

    @Override
    public Optional<OutboxMessage> find(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::message);
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        return entries.values().stream()
                .filter(e -> e.state() == State.PENDING && !e.message().dueAt().isAfter(now))
                .map(Entry::message)
                .sorted(Comparator.comparing(OutboxMessage::dueAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean claim(String id, Instant now, Instant leaseUntil) {
        Entry e = entries.get(id);
        if (e == null || e.state() != State.PENDING || e.message().dueAt().isAfter(now))
            return false;
        if (e.leaseUntil() != null && e.leaseUntil().isAfter(now)) return false;
        entries.put(id, new Entry(e.message(), State.PENDING, leaseUntil));
        return true;
    }

    @Override
    public void markSent(String id, Instant sentAt) {
        entries.computeIfPresent(id, (k, e) -> new Entry(e.message(), State.SENT, null));
    }

    @Override
    public void retryLater(String id, int attempts, Instant retryAt, String reason) {
        entries.computeIfPresent(
                id,
                (k, e) -> {
                    OutboxMessage m = e.message();
                    return new Entry(
                            new OutboxMessage(
                                    m.id(),
                                    m.email(),
                                    m.createdAt(),
                                    retryAt,
                                    attempts,
                                    m.purpose()),
                            State.PENDING,
                            null);
                });
    }

    @Override
    public void giveUp(String id, String reason) {
        entries.computeIfPresent(id, (k, e) -> new Entry(e.message(), State.GAVE_UP, null));
    }

    public State state(String id) {
        return entries.get(id).state();
    }
}
