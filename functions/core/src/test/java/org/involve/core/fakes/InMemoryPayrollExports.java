package org.involve.core.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.payroll.ExportFiles;
import org.involve.core.payroll.PayrollExport;
import org.involve.core.payroll.PayrollExports;

/** Payroll exports (and their files) in memory, with the making lease and the version condition the table has. */
public final class InMemoryPayrollExports implements PayrollExports, ExportFiles {
    public final Map<String, PayrollExport> exports = new ConcurrentHashMap<>();
    public final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, String> makingBy = new ConcurrentHashMap<>();
    private final Map<String, Instant> makingUntil = new ConcurrentHashMap<>();
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryPayrollExports(InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public Optional<PayrollExport> find(String exportId) {
        return Optional.ofNullable(exports.get(exportId));
    }

    @Override
    public List<PayrollExport> all() {
        return exports.values().stream()
                .sorted(Comparator.comparing(PayrollExport::id).reversed())
                .toList();
    }

    @Override
    public synchronized boolean begin(
            String exportId, String run, Instant now, Instant leaseUntil) {
        if (exports.containsKey(exportId)) return false;
        Instant until = makingUntil.get(exportId);
        if (until != null && !until.isBefore(now) && !run.equals(makingBy.get(exportId)))
            return false;
        makingBy.put(exportId, run);
        makingUntil.put(exportId, leaseUntil);
        return true;
    }

    @Override
    public synchronized void release(String exportId, String run) {
        if (run.equals(makingBy.get(exportId))) {
            makingBy.remove(exportId);
            makingUntil.remove(exportId);
        }
    }

    @Override
    public synchronized boolean create(
            PayrollExport export, String run, AuditEntry entry, OutboxMessage toFinance) {
        if (exports.containsKey(export.id()) || !run.equals(makingBy.get(export.id())))
            return false;
        exports.put(export.id(), export);
        audit.append(entry);
        outbox.addOnce(toFinance);
        return true;
    }

    @Override
    public synchronized boolean markPaid(
            PayrollExport before,
            PayrollExport after,
            AuditEntry entry,
            List<OutboxMessage> statements) {
        PayrollExport now = exports.get(before.id());
        if (now == null || now.version() != before.version()) return false;
        exports.put(after.id(), after);
        audit.append(entry);
        statements.forEach(outbox::addOnce);
        return true;
    }

    @Override
    public void store(String key, String csv) {
        files.put(key, csv);
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(files.get(key));
    }
}
