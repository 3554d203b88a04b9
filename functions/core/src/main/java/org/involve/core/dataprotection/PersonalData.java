package org.involve.core.dataprotection;

import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * Every table's records about one person: finding them (by e-mail address or application reference, through
 * indexes, never by reading whole tables), reading them all, and erasing them. Only the data protection function
 * holds this port; it is the one function (with the retention job) that may delete.
 */
public interface PersonalData {
    /**
     * The person who gave this e-mail address (in an application or a partner record), or who was named by it as a
     * referee on a reference request.
     */
    Optional<Subject> byEmail(String email);

    /** The person who made the application with this reference, with all their other applications. */
    Optional<Subject> byReference(String reference);

    /** Everything held about them, from every table. */
    Held heldAbout(Subject subject);

    /**
     * Deletes everything held about them from every table but the audit trail (whose entries hold ids and states,
     * never personal data), then stores {@code entry} with {@code messages} (telling them it is done). Running it
     * again finds nothing more to delete. Where they were a referee, their details in the application (and the draft
     * it was sent from) are replaced by {@code refereeNote}, and what they wrote is removed from the reference request,
     * which stays.
     */
    void erase(Subject subject, AuditEntry entry, List<OutboxMessage> messages, String refereeNote);
}
