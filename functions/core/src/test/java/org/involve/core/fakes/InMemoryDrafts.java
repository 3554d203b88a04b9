package org.involve.core.fakes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.draft.DraftStore;

public final class InMemoryDrafts implements DraftStore {
    public final Map<String, ApplicationDraft> drafts = new ConcurrentHashMap<>();

    @Override
    public Optional<ApplicationDraft> find(String draftId) {
        return Optional.ofNullable(drafts.get(draftId));
    }

    @Override
    public void save(ApplicationDraft draft) {
        drafts.put(draft.id(), draft);
    }

    @Override
    public void delete(String draftId) {
        drafts.remove(draftId);
    }

    @Override
    public Optional<ApplicationDraft> findByReturnReference(String reference) {
        return drafts.values().stream()
                .filter(d -> reference.equals(d.returnReference()))
                .findFirst();
    }
}
