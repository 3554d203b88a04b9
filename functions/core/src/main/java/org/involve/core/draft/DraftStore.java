package org.involve.core.draft;

import java.util.Optional;

/** Applications in progress. Drafts expire on their own after a while. */
public interface DraftStore {
    Optional<ApplicationDraft> find(String draftId);

    void save(ApplicationDraft draft);

    void delete(String draftId);

    /** The draft with this return reference ({@link ReturnCodes#reference} form), if any. */
    Optional<ApplicationDraft> findByReturnReference(String reference);
}
