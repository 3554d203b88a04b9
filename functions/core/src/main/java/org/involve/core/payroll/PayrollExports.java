package org.involve.core.payroll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/** Port: the payroll exports, one per payroll month. */
public interface PayrollExports {
    Optional<PayrollExport> find(String exportId);

    /** Every export, newest first: a query on an index, never a scan. */
    List<PayrollExport> all();

    /**
     * Takes the making of export {@code exportId} for the run {@code run} until {@code leaseUntil}: true when no export
     * with that id exists and no other run holds it (or the run that held it stopped, its lease passed). Only the run
     * holding it moves payments into it, so two runs at once cannot write two files for one export.
     */
    boolean begin(String exportId, String run, Instant now, Instant leaseUntil);

    /** Gives up the making taken by {@code run} (it found nothing to export), so a later run may make the export. */
    void release(String exportId, String run);

    /**
     * Stores the finished export with its audit entry and the e-mail to finance, in one transaction, on condition that
     * run {@code run} still holds its making: false, writing nothing, when it does not.
     */
    boolean create(PayrollExport export, String run, AuditEntry entry, OutboxMessage toFinance);

    /**
     * Stores {@code after} (the export marked paid) with its audit entry and the partners' statements, in one
     * transaction, on condition that the export is still at {@code before}'s version: false, writing nothing, when it
     * changed meanwhile.
     */
    boolean markPaid(
            PayrollExport before,
            PayrollExport after,
            AuditEntry entry,
            List<OutboxMessage> statements);
}
