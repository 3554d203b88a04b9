package org.involve.core.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.references.ReferenceBook;
import org.involve.core.references.ReferenceRequest;

/** Reference requests in memory, each change all-or-nothing under one lock, as one DynamoDB transaction is. */
public final class InMemoryReferenceBook implements ReferenceBook {
    public final Map<String, ReferenceRequest> requests = new ConcurrentHashMap<>();
    private final InMemoryRound round;
    private final InMemoryUsedLinks used;
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryReferenceBook(
            InMemoryRound round,
            InMemoryUsedLinks used,
            InMemoryOutbox outbox,
            InMemoryAuditTrail audit) {
        this.round = round;
        this.used = used;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public synchronized boolean request(
            Application current,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages,
            List<ReferenceRequest> asked) {
        if (!round.advance(
                current, Application.Status.REFERENCES_REQUESTED, facts, entry, messages))
            return false;
        asked.forEach(r -> requests.put(r.id(), r));
        return true;
    }

    @Override
    public Optional<ReferenceRequest> find(String requestId) {
        return Optional.ofNullable(requests.get(requestId));
    }

    @Override
    public synchronized Answered answer(
            ReferenceRequest received,
            String tokenId,
            Instant now,
            AuditEntry entry,
            List<ReferenceRequest> others,
            Completion completion) {
        if (tokenId != null && used.used.containsKey(tokenId)) return Answered.LINK_ALREADY_USED;
        if (requests.get(received.id()).received()) return Answered.ALREADY_ANSWERED;
        for (ReferenceRequest o : others)
            if (!requests.get(o.id()).equals(o)) return Answered.OTHERS_CHANGED;
        if (completion != null) {
            Application app =
                    round.find(
                                    completion.current().roleId(),
                                    completion.current().applicantKey(),
                                    Read.CONSISTENT)
                            .orElseThrow();
            if (app.status() != completion.current().status()) return Answered.OTHERS_CHANGED;
        }
        if (tokenId != null) used.markUsed(tokenId, now); // none by telephone
        requests.put(received.id(), received);
        audit.append(entry);
        if (completion != null) {
            round.advance(
                    completion.current(),
                    Application.Status.REFERENCES_RECEIVED,
                    completion.facts(),
                    completion.audit(),
                    List.of(completion.teamMessage()));
        }
        return Answered.STORED;
    }

    @Override
    public List<ReferenceRequest> remindersDueBy(Instant now) {
        return requests.values().stream()
                .filter(r -> r.nextReminderAt() != null && !r.nextReminderAt().isAfter(now))
                .sorted(Comparator.comparing(ReferenceRequest::nextReminderAt))
                .toList();
    }

    @Override
    public synchronized boolean remind(
            ReferenceRequest asRead,
            ReferenceRequest next,
            List<OutboxMessage> messages,
            AuditEntry entry) {
        if (!asRead.equals(requests.get(asRead.id()))) return false;
        requests.put(next.id(), next);
        messages.forEach(outbox::add);
        if (entry != null) audit.append(entry);
        return true;
    }
}
