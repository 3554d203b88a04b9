package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.core.audit.AuditHistory;
import org.involve.core.audit.AuditViewer;

/** The audit trail viewer's bean: the trail, read only. */
@Factory
public class StaffAuditFactory {
    @Singleton
    AuditViewer auditViewer(AuditHistory history) {
        return new AuditViewer(history);
    }
}
