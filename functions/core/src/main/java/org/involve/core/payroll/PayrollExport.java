package org.involve.core.payroll;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One monthly payroll export: the CSV of every payment not in an earlier export, stored privately under {@code
 * fileKey}. Its id is the payroll month ("2026-11"), so a month has one export however often the job runs. Finance
 * mark it paid once payroll has paid it; the payments in it are then paid.
 *
 * @param payments         how many payment records it holds
 * @param partners         how many partners they are for
 * @param involvementPence taxable involvement payments in it
 * @param expensesPence    expenses paid back in it (not taxable)
 * @param paidAt           when finance marked it paid, or null
 * @param paidBy           the staff id of who did, or null
 * @param version          counts its changes; a change is made on the version it was read at
 */
public record PayrollExport(
        String id,
        Instant createdAt,
        int payments,
        int partners,
        long involvementPence,
        long expensesPence,
        String fileKey,
        Instant paidAt,
        String paidBy,
        long version) {

    public PayrollExport {
        YearMonth.parse(id); // an export's id is its payroll month
        if (payments < 1)
            throw new IllegalArgumentException("An export holds at least one payment");
    }

    public YearMonth month() {
        return YearMonth.parse(id);
    }

    public boolean paid() {
        return paidAt != null;
    }

    public long totalPence() {
        return Math.addExact(involvementPence, expensesPence);
    }

    /** The export once finance say payroll has paid it. */
    public PayrollExport markedPaid(String who, Instant now) {
        if (paid()) throw new IllegalStateException("Export " + id + " is already paid");
        return new PayrollExport(
                id,
                createdAt,
                payments,
                partners,
                involvementPence,
                expensesPence,
                fileKey,
                now,
                who,
                version + 1);
    }
}
