package org.involve.core.monitoring;

import java.time.Instant;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;

/**
 * The short codes' table: one entry per application's code, under the code's HMAC, holding the role and the form
 * link's token. It names no application, and the answers are kept under a key only the monitoring key works out from
 * the token, so neither this table with the applications, nor the applications with the answers, can be joined.
 * Entries are written with the application (in its transaction), spent once when answers are recorded with them,
 * and removed by the table's time-to-live after they expire.
 */
public interface MonitoringCodes {
    record Entry(String codeId, String roleId, String token, Instant expiresAt) {
        public Entry {
            if (codeId == null || roleId == null || token == null || expiresAt == null)
                throw new IllegalArgumentException(
                        "A code entry needs its id, role, token and expiry");
        }
    }

    /** The entry for a code's HMAC, if there is one not yet spent; expired entries are returned (callers check). */
    Optional<Entry> find(String codeId);

    /**
     * In one transaction: records the answers (unless answers are already kept under their key), spends the code's
     * entry (unless it was spent) and appends the audit entry if there is one; on condition, as through the link
     * ({@link MonitoringStore#record}), that the role is there, its round is not over and its answers have not been
     * deleted.
     *
     * @param audit who entered the answers for the applicant, or null when the applicant gave them
     * @return {@link MonitoringStore.Outcome#ALREADY_RECORDED}, writing nothing, when the code was spent or answers
     *     were already recorded; {@link MonitoringStore.Outcome#CLOSED}, writing nothing, when the form has closed for
     *     the role
     */
    MonitoringStore.Outcome record(
            MonitoringResponse response, String codeId, Instant at, AuditEntry audit);
}
