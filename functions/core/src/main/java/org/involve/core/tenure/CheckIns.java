package org.involve.core.tenure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PartnerRecords;

/**
 * Annual check-ins, and the partners whose anniversary has come. Both of the job's lists are queries on an index keyed
 * by day (sparse: only partners still in a role, and only check-ins still waiting for their reminder, are in it),
 * never a scan.
 */
public interface CheckIns {

    /** Partners still in a role (active or paused) whose start's day key ({@link CheckInRules#dayKey}) is in range. */
    List<PartnerRecords.Stored> startedOnDays(CheckInRules.KeyRange range);

    /** Check-ins not yet held nor chased whose reminder is due on or before {@code day}. */
    List<CheckIn> chaseDueBy(LocalDate day);

    /** One appointment's {@code year}th check-in, if it was asked. */
    Optional<CheckIn> find(String appointmentId, int year);

    /**
     * In one transaction: stores {@code after} on condition the stored check-in is still {@code before} (none stored
     * when null), appends the audit entries and queues the messages.
     *
     * @return false, writing nothing, when the check-in changed meanwhile
     */
    boolean save(
            CheckIn before, CheckIn after, List<AuditEntry> audit, List<OutboxMessage> messages);
}
