package org.involve.core.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/**
 * The impact log's entries. Every list is a query on a key or an index, never a scan: a group's entries by their day,
 * and those not yet sent to partners from a sparse index that holds only them.
 */
public interface Impacts {

    Optional<ImpactEntry> find(String entryId);

    /** A group's entries, newest day first. */
    List<ImpactEntry> forRole(String roleId);

    /** A group's entries recorded from {@code from} to {@code to} (UK days, both included), oldest first. */
    List<ImpactEntry> between(String roleId, LocalDate from, LocalDate to);

    /**
     * How many entries a group has from {@code from} to {@code to} (UK days, both included): the count a partner's
     * thank-you at the end of their tenure gives.
     */
    int countBetween(String roleId, LocalDate from, LocalDate to);

    /** A group's entries not yet sent to its partners, oldest first: a query on the sparse unsent index. */
    List<ImpactEntry> unsent(String roleId);

    /**
     * In one transaction: stores a new entry (unless one with its id exists) with its audit entry.
     *
     * @return false, writing nothing, when an entry with its id exists
     */
    boolean record(ImpactEntry entry, AuditEntry audit);

    /**
     * In one transaction: replaces the entry with {@code after} on condition it is still at {@code before}'s revision,
     * with its audit entry.
     *
     * @return false, writing nothing, when it changed meanwhile
     */
    boolean change(ImpactEntry before, ImpactEntry after, AuditEntry audit);

    /**
     * In one transaction: marks each entry sent (each on condition it is still at its revision before, taking it out of
     * the unsent index), appends their audit entries and queues the digests.
     *
     * @param sent the entries as they will be stored, each one revision on from what was read
     * @return false, writing nothing, when any of them changed or was sent meanwhile
     */
    boolean sent(List<ImpactEntry> sent, List<AuditEntry> audit, List<OutboxMessage> digests);
}
