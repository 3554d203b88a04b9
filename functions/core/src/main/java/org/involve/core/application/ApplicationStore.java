package org.involve.core.application;

import java.util.List;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.outbox.OutboxMessage;

/** Submitted applications. */
public interface ApplicationStore extends ApplicationReader {

    /** The stored application and whether this call created it (false: the person had already applied). */
    record Stored(Application application, boolean created) {}

    /**
     * In one transaction: store the application unless this applicant already applied to the role,
     * store its outgoing messages, and mark the draft submitted. If the applicant already applied,
     * nothing is written and the existing application is returned.
     */
    Stored submit(Application application, List<OutboxMessage> messages, String draftId);

    /**
     * In one transaction: save {@code draft} (sent, leading to the application the person had already made) and
     * store the messages that tell them. A message already stored (the same draft sent twice at once) is not
     * stored or sent again, and the draft is saved all the same.
     */
    void submittedAgain(ApplicationDraft draft, List<OutboxMessage> messages);
}
