package org.involve.core.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * What staff do to applications outside the round's steps: enter one on an applicant's behalf, and record that they
 * acknowledged one themselves. Each is one transaction with its audit entry (and messages), or nothing.
 */
public interface ApplicationRecords {

    /**
     * Stores an application staff entered, with its outgoing messages and audit entry, unless this applicant already
     * applied to the role: then nothing is written and the existing application is returned (created false).
     */
    ApplicationStore.Stored enter(
            Application application, List<OutboxMessage> messages, AuditEntry audit);

    /**
     * Records that staff acknowledged the application at {@code at}: it leaves the applications not yet acknowledged,
     * with {@code facts} added to its progress and the audit entry appended.
     *
     * @return false, writing nothing, when it had already been acknowledged
     */
    boolean acknowledged(
            Application application, Instant at, Map<String, String> facts, AuditEntry audit);
}
