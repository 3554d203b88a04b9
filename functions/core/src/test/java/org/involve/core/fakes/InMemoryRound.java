package org.involve.core.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.application.SupportRequests;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.AwaitingOutcomes;
import org.involve.core.outcomes.OutcomeFacts;

/** The round's applications over the same map as {@link InMemoryApplications}: a step is all-or-nothing, as in DynamoDB. */
public final class InMemoryRound implements RoundApplications, AwaitingOutcomes {
    private int awaitingRead;
    private int forRoleReads;
    private final InMemoryApplications applications;
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryRound(
            InMemoryApplications applications, InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.applications = applications;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Stores an application as if it had been submitted, for tests that start later in the round. */
    public Application add(Application a) {
        applications.applications.put(a.roleId() + "|" + a.applicantKey(), a);
        return a;
    }

    @Override
    public List<Application> forRole(String roleId) {
        forRoleReads++;
        return applications.applications.values().stream()
                .filter(a -> a.roleId().equals(roleId))
                .sorted(Comparator.comparing(Application::submittedAt))
                .toList();
    }

    @Override
    public Optional<Application> find(String roleId, String applicantKey, Read read) {
        return applications.find(roleId, applicantKey, Read.CONSISTENT);
    }

    @Override
    public Optional<Application> findByReference(String reference, Read read) {
        return applications.findByReference(reference, Read.CONSISTENT);
    }

    @Override
    public synchronized boolean advance(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        String key = current.roleId() + "|" + current.applicantKey();
        Application stored = applications.applications.get(key);
        if (stored == null || stored.status() != current.status()) return false;
        applications.applications.put(key, stored.after(to, facts));
        audit.append(entry);
        messages.forEach(outbox::add);
        return true;
    }

    /**
     * Looks at every application, as the sparse index never does (which ones it holds is what the adapter tests
     * check), but counts only those it returns: what the index would read.
     */
    @Override
    public List<Application> awaitingOutcome(String roleId) {
        List<Application> found =
                applications.applications.values().stream()
                        .filter(a -> a.roleId().equals(roleId) && !OutcomeFacts.heard(a))
                        .sorted(Comparator.comparing(Application::submittedAt))
                        .toList();
        awaitingRead += found.size();
        return found;
    }

    /** Held to talk first, as the sparse index holds them (which ones it holds is what the adapter tests check). */
    @Override
    public List<Application> heldToTalkFirst() {
        return waiting(TalkFirstQueue::isHeld);
    }

    /** Asking for support not yet done, as the sparse index holds them. */
    @Override
    public List<Application> supportNotDone() {
        return waiting(SupportRequests::isWaiting);
    }

    private List<Application> waiting(java.util.function.Predicate<Application> in) {
        return applications.applications.values().stream()
                .filter(in)
                .sorted(Comparator.comparing(Application::submittedAt))
                .toList();
    }

    /** The applications the role has (the adapter keeps a count; here they are counted). */
    @Override
    public int of(String roleId) {
        return (int)
                applications.applications.values().stream()
                        .filter(a -> a.roleId().equals(roleId))
                        .count();
    }

    /** How many times every application of a role has been read ({@link #forRole}). */
    public int forRoleReads() {
        return forRoleReads;
    }

    /** How many applications {@link #awaitingOutcome} has returned so far. */
    public int awaitingRead() {
        return awaitingRead;
    }
}
