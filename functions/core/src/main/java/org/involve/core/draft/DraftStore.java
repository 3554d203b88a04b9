package org.involve.core.draft;

import java.util.Optional;

/** Applications in progress. Drafts expire on their own after a while. */
public interface DraftStore {
    Optional<ApplicationDraft> find(String draftId);

    void save(ApplicationDraft draft);

    void delete(String draftId);
}
