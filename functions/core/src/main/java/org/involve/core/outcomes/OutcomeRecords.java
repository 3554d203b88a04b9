package org.involve.core.outcomes;

import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * Records an outcome fact once. Unlike a step of {@link RoundApplications}, the status does not change, so the
 * condition is on the fact itself: two people pressing "send" at once, or a retried request, record it once.
 */
public interface OutcomeRecords {
    /**
     * Adds {@code facts} to the application's progress, appends {@code audit} and queues {@code messages}, all together,
     * only if the application is still at {@code current.status()} and has no value yet for {@code unlessRecorded}.
     *
     * @return false, writing nothing, otherwise
     */
    boolean recordOnce(
            Application current,
            String unlessRecorded,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages);
}
