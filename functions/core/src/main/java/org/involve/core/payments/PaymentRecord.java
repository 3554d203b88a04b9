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
 * @param involvement      the time this payment covered, session by session: a later claim with time on the same day
 *                         (day rate) or in the same month (monthly) is added to it and pays only the difference
 * @param firstJourneyDate the day of the claim's first journey (null without journeys): its car miles count toward
 *                         that tax year's 10,000-mile threshold, whatever else the claim covers
 * @param payrollReference the partner's payroll reference (their application reference) when the claim was approved,
 *                         so payroll can pay it even if the partner's record has since been erased (null on records
 *                         calculated before it was kept: the export then looks it up)
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
        Instant calculatedAt,
        List<ApprovedClaim.Session> involvement,
        LocalDate firstJourneyDate,
        String payrollReference) {

    public PaymentRecord {
        days = List.copyOf(days == null ? List.of() : days);
        involvement = List.copyOf(involvement == null ? List.of() : involvement);
    }

    /** A payment with no time, journey or payroll reference of its own recorded (tests of other sums). */
    public PaymentRecord(
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
        this(
                claimId,
                appointmentId,
                roleId,
                involvementPence,
                days,
                minutesBeyondCap,
                expensesPence,
                carTenths,
                firstDate,
                lastDate,
                calculatedAt,
                List.of(),
                null,
                null);
    }

    /** The day whose tax year this payment's car miles count in: its first journey's (older records: its first day). */
    public LocalDate carMilesDate() {
        return firstJourneyDate != null ? firstJourneyDate : firstDate;
    }

    /** All the days paid, in halves. */
    public int halfDays() {
        return days.stream().mapToInt(Guideline.PaidDay::halfDays).sum();
    }

    public long totalPence() {
        return Math.addExact(involvementPence, expensesPence);
    }
}
