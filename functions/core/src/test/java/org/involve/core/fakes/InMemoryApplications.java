package org.involve.core.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationStore;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.Busy;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;

/** Keeps the store's promise: all three writes together, or none when the applicant already applied. */
public final class InMemoryApplications implements ApplicationStore {
    public final Map<String, Application> applications = new ConcurrentHashMap<>();
    private final InMemoryOutbox outbox;
    private final InMemoryDrafts drafts;

    /** How many submissions to refuse as real DynamoDB does when still busy after its tries: nothing stored. */
    public int busyFor;

    public InMemoryApplications(InMemoryOutbox outbox, InMemoryDrafts drafts) {
        this.outbox = outbox;
        this.drafts = drafts;
    }

    @Override
    public synchronized Stored submit(
            Application application, List<OutboxMessage> messages, String draftId) {
        if (busyFor > 0) {
            busyFor--;
            throw new Busy("busy (test)", null);
        }
        String key = application.roleId() + "|" + application.applicantKey();
        Application existing = applications.get(key);
        if (existing != null) return new Stored(existing, false);
        applications.put(key, application);
        messages.forEach(outbox::add);
        ApplicationDraft d = drafts.drafts.get(draftId);
        drafts.save(
                new ApplicationDraft(
                        d.id(),
                        d.roleId(),
                        d.startedAt(),
                        d.answers(),
                        d.completedSections(),
                        application.reference(),
                        d.expiresAt()));
        return new Stored(application, true);
    }

    @Override
    public synchronized void submittedAgain(ApplicationDraft draft, List<OutboxMessage> messages) {
        drafts.save(draft);
        messages.forEach(outbox::addOnce);
    }

    @Override
    public Optional<Application> find(String roleId, String applicantKey, Read read) {
        return Optional.ofNullable(applications.get(roleId + "|" + applicantKey));
    }

    @Override
    public Optional<Application> findByReference(String reference, Read read) {
        return applications.values().stream()
                .filter(a -> a.reference().equals(reference))
                .findFirst();
    }
}
