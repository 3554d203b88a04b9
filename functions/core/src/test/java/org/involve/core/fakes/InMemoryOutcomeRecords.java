package org.involve.core.fakes;

import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.OutcomeRecords;

/** Outcome facts over the same map as {@link InMemoryRound}: recorded once, all or nothing, as in DynamoDB. */
public final class InMemoryOutcomeRecords implements OutcomeRecords {
    private final InMemoryApplications applications;
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryOutcomeRecords(
            InMemoryApplications applications, InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.applications = applications;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public synchronized boolean recordOnce(
            Application current,
            String unlessRecorded,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        String key = current.roleId() + "|" + current.applicantKey();
        Application stored = applications.applications.get(key);
        if (stored == null
                || stored.status() != current.status()
                || !stored.progress(unlessRecorded).isEmpty()) return false;
        if (messages.stream().anyMatch(m -> outbox.entries.containsKey(m.id()))) return false;
        applications.applications.put(key, stored.after(stored.status(), facts));
        audit.append(entry);
        messages.forEach(outbox::add);
        return true;
    }
}
