package org.involve.core.application;

import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.ApplicationCounts;

/**
 * The applications of a recruitment round as staff and jobs move them on. Every step is one transaction: the new
 * status, the step's facts, its audit entry and its messages are stored together or not at all, and only if the
 * application is still where the caller saw it (so two people acting at once, or a retried request, make one step).
 * The round also knows how many applications each role has ({@link ApplicationCounts}, kept as they are stored) and
 * which are waiting for the team ({@link WaitingForStaff}), without reading the rest.
 */
public interface RoundApplications extends ApplicationReader, WaitingForStaff, ApplicationCounts {

    /** Every application for the role, oldest first (a query on the role's key, never a scan). */
    List<Application> forRole(String roleId);

    /**
     * Moves {@code current} to {@code to} (which may be its present status, to record facts only), adding
     * {@code facts} to its progress, appending {@code audit} and queueing {@code messages}.
     *
     * @return false, writing nothing, when the stored application's status is no longer {@code current.status()}
     */
    boolean advance(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages);
}
