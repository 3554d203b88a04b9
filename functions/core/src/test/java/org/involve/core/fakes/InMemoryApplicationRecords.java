package org.involve.core.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationRecords;
import org.involve.core.application.ApplicationStore;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * Staff entries and acknowledgements over the same maps as {@link InMemoryApplications} and
 * {@link InMemoryOutstandingAcknowledgements}: each all-or-nothing, as in DynamoDB. An entered application starts
 * unacknowledged, as a submitted one does.
 */
public final class InMemoryApplicationRecords implements ApplicationRecords {
    private final InMemoryApplications applications;
    private final InMemoryOutstandingAcknowledgements outstanding;
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryApplicationRecords(
            InMemoryApplications applications,
            InMemoryOutstandingAcknowledgements outstanding,
            InMemoryOutbox outbox,
            InMemoryAuditTrail audit) {
        this.applications = applications;
        this.outstanding = outstanding;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public synchronized ApplicationStore.Stored enter(
            Application application, List<OutboxMessage> messages, AuditEntry entry) {
        String key = application.roleId() + "|" + application.applicantKey();
        Application existing = applications.applications.get(key);
        if (existing != null) return new ApplicationStore.Stored(existing, false);
        applications.applications.put(key, application);
        outstanding.add(application);
        messages.forEach(outbox::add);
        audit.append(entry);
        return new ApplicationStore.Stored(application, true);
    }

    @Override
    public synchronized boolean acknowledged(
            Application application, Instant at, Map<String, String> facts, AuditEntry entry) {
        if (!outstanding.outstanding.containsKey(application.reference())) return false;
        String key = application.roleId() + "|" + application.applicantKey();
        Application stored = applications.applications.get(key);
        if (stored != null)
            applications.applications.put(key, stored.after(stored.status(), facts));
        outstanding.acknowledged(application.reference());
        audit.append(entry);
        return true;
    }
}
