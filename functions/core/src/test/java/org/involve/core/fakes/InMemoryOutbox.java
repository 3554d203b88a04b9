package org.involve.core.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.MailQueue;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.core.outbox.MailState;
import org.involve.core.outbox.Outbox;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.TrackedMessage;

/**
 * The outbox in memory. As the adapters' outbox does, it announces each message on the mail queue once it is written
 * (best effort: an unreachable queue leaves the message for the sweep), so tests see a step's mail announced with no
 * handler involved. Staff actions append their audit entries to {@link #audit}.
 */
public final class InMemoryOutbox implements Outbox {
    public record Entry(TrackedMessage tracked, Instant leaseUntil, String reason) {
        public OutboxMessage message() {
            return tracked.message();
        }

        public MailState state() {
            return tracked.state();
        }
    }

    public final Map<String, Entry> entries = new ConcurrentHashMap<>();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();

    /** Messages whose text was removed that staff took off the problems list. */
    private final java.util.Set<String> offTheList = ConcurrentHashMap.newKeySet();

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
        TrackedMessage t = new TrackedMessage(m, MailState.PENDING, null, null, null, null, null);
        if (entries.putIfAbsent(m.id(), new Entry(t, null, null)) != null) return false;
        announce(m.id());
        return true;
    }

    private void announce(String id) {
        try {
            mail.announce(id);
        } catch (RuntimeException unreachable) {
            // Safe in the outbox: the sweep sends it.
        }
    }

    public List<OutboxMessage> messages() {
        return entries.values().stream()
                .map(Entry::message)
                .sorted(Comparator.comparing(OutboxMessage::id))
                .toList();
    }

    @Override
    public Optional<OutboxMessage> find(String id) {
        return Optional.ofNullable(entries.get(id))
                .filter(e -> !e.tracked().textDeleted())
                .map(Entry::message);
    }

    /**
     * As the retention job does once a message's clock has run out: its text, subject and address go; it stays as it
     * was (and on the problems list, if it was there) with its id and purpose.
     */
    public synchronized void removeText(String id, Instant at) {
        Entry e = entries.get(id);
        TrackedMessage t = e.tracked();
        OutboxMessage m = t.message();
        put(
                new TrackedMessage(
                        new OutboxMessage(
                                m.id(), null, m.createdAt(), m.dueAt(), m.attempts(), m.purpose()),
                        t.state(),
                        t.attemptedAt(),
                        t.firstFailedAt(),
                        t.problem(),
                        t.changedAt(),
                        t.providerId(),
                        at),
                e.leaseUntil(),
                e.reason());
    }

    @Override
    public Optional<TrackedMessage> tracked(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::tracked);
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        return entries.values().stream()
                .filter(e -> pending(e.state()) && !e.message().dueAt().isAfter(now))
                .map(Entry::message)
                .sorted(Comparator.comparing(OutboxMessage::dueAt))
                .limit(limit)
                .toList();
    }

    private static boolean pending(MailState s) {
        return s == MailState.PENDING || s == MailState.SENDING;
    }

    @Override
    public synchronized boolean claim(String id, Instant now, Instant leaseUntil) {
        Entry e = entries.get(id);
        if (e == null || e.state() != MailState.PENDING || e.message().dueAt().isAfter(now))
            return false;
        if (e.leaseUntil() != null && e.leaseUntil().isAfter(now)) return false;
        TrackedMessage t = e.tracked();
        put(
                new TrackedMessage(
                        t.message(),
                        MailState.SENDING,
                        now,
                        t.firstFailedAt(),
                        t.problem(),
                        null,
                        null),
                leaseUntil,
                e.reason());
        return true;
    }

    private void put(TrackedMessage t, Instant leaseUntil, String reason) {
        entries.put(t.id(), new Entry(t, leaseUntil, reason));
    }

    @Override
    public synchronized void markSent(String id, Instant sentAt, String providerId) {
        Entry e = entries.get(id);
        if (e == null) return;
        TrackedMessage t = e.tracked();
        put(
                new TrackedMessage(
                        t.message(), MailState.SENT, t.attemptedAt(), null, null, null, providerId),
                null,
                null);
    }

    @Override
    public synchronized void retryLater(
            String id,
            int attempts,
            Instant retryAt,
            Instant firstFailedAt,
            Problem problem,
            String reason) {
        Entry e = entries.get(id);
        if (e == null) return;
        OutboxMessage m = e.message();
        OutboxMessage back =
                new OutboxMessage(m.id(), m.email(), m.createdAt(), retryAt, attempts, m.purpose());
        put(
                new TrackedMessage(
                        back,
                        MailState.PENDING,
                        e.tracked().attemptedAt(),
                        firstFailedAt,
                        problem,
                        null,
                        null),
                null,
                reason);
    }

    @Override
    public void fail(String id, Problem problem, String reason, Instant at) {
        setAside(id, MailState.FAILED, problem, reason, at);
    }

    @Override
    public void needsChecking(String id, Problem problem, String reason, Instant at) {
        setAside(id, MailState.NEEDS_CHECKING, problem, reason, at);
    }

    private synchronized void setAside(
            String id, MailState state, Problem problem, String reason, Instant at) {
        Entry e = entries.get(id);
        if (e == null) return;
        TrackedMessage t = e.tracked();
        put(
                new TrackedMessage(
                        t.message(), state, t.attemptedAt(), t.firstFailedAt(), problem, at, null),
                null,
                reason);
    }

    /** As a test's clean-up gives up a message. */
    public void giveUp(String id, String reason) {
        fail(id, Problem.MESSAGE_REJECTED, reason, Instant.EPOCH);
    }

    @Override
    public List<TrackedMessage> troubled(int limit) {
        return entries.values().stream()
                .map(Entry::tracked)
                .filter(t -> t.state().troubled() && !offTheList.contains(t.id()))
                .sorted(Comparator.comparing(TrackedMessage::changedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean sendAgain(String id, Instant now, AuditEntry entry) {
        Entry e = entries.get(id);
        if (e == null || !e.state().troubled() || e.tracked().textDeleted()) return false;
        OutboxMessage m = e.message();
        OutboxMessage again =
                new OutboxMessage(m.id(), m.email(), m.createdAt(), now, 0, m.purpose());
        put(
                new TrackedMessage(
                        again,
                        MailState.PENDING,
                        e.tracked().attemptedAt(),
                        null,
                        null,
                        null,
                        null),
                null,
                null);
        audit.append(entry);
        announce(id);
        return true;
    }

    @Override
    public synchronized boolean confirmSent(String id, Instant now, AuditEntry entry) {
        Entry e = entries.get(id);
        if (e == null || e.tracked().textDeleted()) return false;
        boolean unreachable =
                e.state() == MailState.FAILED
                        && e.tracked().problem() == Problem.ADDRESS_UNDELIVERABLE;
        if (e.state() != MailState.NEEDS_CHECKING && !unreachable) return false;
        markSent(id, now, null);
        audit.append(entry);
        return true;
    }

    @Override
    public synchronized boolean removeFromList(String id, AuditEntry entry) {
        Entry e = entries.get(id);
        if (e == null || !e.state().troubled() || !e.tracked().textDeleted() || !offTheList.add(id))
            return false;
        audit.append(entry);
        return true;
    }

    public MailState state(String id) {
        return entries.get(id).state();
    }
}
