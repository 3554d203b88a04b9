package org.involve.core.payroll;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;
import org.involve.core.payments.PayrollCsv;
import org.involve.core.payments.TaxYear;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The monthly payroll export, run every day (Europe/London). The export due is the latest payroll month whose export
 * day ({@code exportDay}, 1 to 28) has come; if it has not been made, this run makes it: every payment not yet in an
 * export is moved into it (each on condition it is still waiting, so a payment is in exactly one export and one
 * calculated during the run waits for the next), the CSV is stored privately and finance are e-mailed a link to it.
 * A month's export is made once however often the job runs: a later run that month finds it made, and two runs at
 * once are kept apart by the making lease. A run that stopped half way is finished by the next (its lease passed).
 * <p>
 * From 6 to 30 April each partner paid in the tax year that has just ended is sent a summary for HMRC and the DWP (its
 * message id names the tax year, so each partner gets one).
 */
public final class PayrollExportJob {
    /** Longer than a run can take (a function's timeout is at most 15 minutes). */
    static final Duration LEASE = Duration.ofMinutes(15);

    private final Payments payments;
    private final PayrollExports exports;
    private final ExportFiles files;
    private final PartnerRecords partners;
    private final RoleReader roles;
    private final PayrollLetters letters;
    private final OutboxWriter outbox;
    private final String financeEmail;
    private final int exportDay;
    private final Supplier<String> runIds;

    public PayrollExportJob(
            Payments payments,
            PayrollExports exports,
            ExportFiles files,
            PartnerRecords partners,
            RoleReader roles,
            PayrollLetters letters,
            OutboxWriter outbox,
            String financeEmail,
            int exportDay,
            Supplier<String> runIds) {
        if (exportDay < 1 || exportDay > 28)
            throw new IllegalArgumentException(
                    "The payroll export day must be 1 to 28, so every month has it");
        if (financeEmail == null || !financeEmail.contains("@"))
            throw new IllegalArgumentException("Finance need an e-mail address");
        this.payments = payments;
        this.exports = exports;
        this.files = files;
        this.partners = partners;
        this.roles = roles;
        this.letters = letters;
        this.outbox = outbox;
        this.financeEmail = financeEmail;
        this.exportDay = exportDay;
        this.runIds = runIds;
    }

    /**
     * What a run did: the export due, how many payments this run put in a new export (0 when it was made already or
     * nothing was waiting), and how many tax-year summaries it queued. Counts and a month only: it is logged.
     */
    public record Summary(String exportId, int exported, int taxYearSummaries) {}

    /** The payroll month whose export is due on {@code today}: this month from its export day, else the last. */
    public static YearMonth due(LocalDate today, int exportDay) {
        YearMonth month = YearMonth.from(today);
        return today.getDayOfMonth() >= exportDay ? month : month.minusMonths(1);
    }

    public Summary run(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ClosingTime.UK);
        String id = due(today, exportDay).toString();
        int exported = export(id, now);
        int summaries =
                isSummaryTime(today) ? taxYearSummaries(TaxYear.of(today).startYear() - 1, now) : 0;
        return new Summary(id, exported, summaries);
    }

    /** Whether the export due at {@code now} has been made: a read only (for priming). */
    public boolean exportMade(Instant now) {
        return exports.find(due(LocalDate.ofInstant(now, ClosingTime.UK), exportDay).toString())
                .isPresent();
    }

    private int export(String id, Instant now) {
        if (exports.find(id).isPresent()) return 0;
        String run = runIds.get();
        if (!exports.begin(id, run, now, now.plus(LEASE))) return 0;
        List<PaymentRecord> in = payments.export(id, YearMonth.parse(id).atEndOfMonth());
        if (in.isEmpty()) {
            // Nothing waiting: a later run makes the month's export, if anything comes.
            exports.release(id, run);
            return 0;
        }
        Map<String, String> references = new LinkedHashMap<>();
        // Kept with each payment since its approval, so an erased partner is still paid.
        // Older records look it up.
        for (PaymentRecord p : in)
            if (p.payrollReference() != null)
                references.putIfAbsent(p.appointmentId(), p.payrollReference());
        for (PaymentRecord p : in)
            references.computeIfAbsent(
                    p.appointmentId(),
                    a -> partners.find(a).map(Appointment::applicationReference).orElse(null));
        String key = "payroll/" + id + ".csv";
        files.store(key, PayrollCsv.of(in, references));
        PayrollExport export =
                new PayrollExport(
                        id,
                        now,
                        in.size(),
                        references.size(),
                        in.stream().mapToLong(PaymentRecord::involvementPence).sum(),
                        in.stream().mapToLong(PaymentRecord::expensesPence).sum(),
                        key,
                        null,
                        null,
                        1);
        AuditEntry entry =
                new AuditEntry(
                        AuditEntry.SCHEDULER,
                        "payroll export made",
                        FinanceDesk.record(id),
                        now,
                        null,
                        FinanceDesk.READY);
        if (!exports.create(export, run, entry, letters.exportReady(export, financeEmail, now)))
            return 0; // another run took over (this one was too slow): its export is the one
        return in.size();
    }

    /** 6 to 30 April: the tax year has just ended and the summaries are sent while the month's sent mail is kept. */
    static boolean isSummaryTime(LocalDate today) {
        return today.getMonthValue() == 4 && today.getDayOfMonth() >= 6;
    }

    /** One summary for each partner paid (by an export marked paid) in tax year {@code startYear}. */
    private int taxYearSummaries(int startYear, Instant now) {
        TaxYear year = new TaxYear(startYear);
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (PayrollExport e : exports.all()) {
            if (!e.paid() || !year.contains(LocalDate.ofInstant(e.paidAt(), ClosingTime.UK)))
                continue;
            for (PaymentRecord p : payments.inExport(e.id())) {
                long[] t = totals.computeIfAbsent(p.appointmentId(), a -> new long[2]);
                t[0] += p.involvementPence();
                t[1] += p.expensesPence();
            }
        }
        List<String> sent = new ArrayList<>();
        totals.forEach(
                (appointmentId, t) ->
                        partners.partner(appointmentId)
                                .flatMap(PartnerRecords.Stored::partner)
                                .filter(FinanceDesk::hasEmail)
                                .ifPresent(
                                        p -> {
                                            Role role =
                                                    roles.find(
                                                                    p.appointment().roleId(),
                                                                    Read.CONSISTENT)
                                                            .orElse(null);
                                            if (role == null) return;
                                            if (outbox.addOnce(
                                                    letters.taxYearSummary(
                                                            role, p, year, t[0], t[1], now)))
                                                sent.add(appointmentId);
                                        }));
        return sent.size();
    }
}
