package org.involve.core.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one payment an approved claim produces (its key is the claim's id). Involvement payments are taxable and go to
 * payroll apart from expenses, which are reimbursements and are not.
 *
 * @param involvementPence taxable: the day, half-day or monthly payment (0 for a partner who declined)
 * @param days             the days paid, each in halves, for the days-a-month guideline
 * @param minutesBeyondCap monthly roles: time beyond the hours the payment covers, shown to staff, not paid
 * @param expensesPence    not taxable: receipted expenses and mileage
 * @param carTenths        car or van miles (in tenths) paid by this claim, toward the tax year's threshold
 * @param firstDate        the earliest day the claim covers
 * @param lastDate         the latest
 */
public record PaymentRecord(
        String claimId,
        String appointmentId,
        String roleId,
        long involvementPence,
        List<Guideline.PaidDay> days,
        int minutesBeyondCap,
        long expensesPence,
        long carTenths,
        LocalDate firstDate,
        LocalDate lastDate,
        Instant calculatedAt) {

    public PaymentRecord {
        days = List.copyOf(days == null ? List.of() : days);
    }

    /** All the days paid, in halves. */
    public int halfDays() {
        return days.stream().mapToInt(Guideline.PaidDay::halfDays).sum();
    }

    public long totalPence() {
        return Math.addExact(involvementPence, expensesPence);
    }
}
