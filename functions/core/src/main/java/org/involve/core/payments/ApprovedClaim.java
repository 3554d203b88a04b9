package org.involve.core.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.PaymentModel;

/**
 * A claim as staff approved it: everything the calculator needs, fixed at approval, so that calculating it again
 * (a retry, a duplicate delivery, a second consumer) always gives the same payment. This is what the payments queue
 * carries.
 *
 * @param model                         the role's payment model when the claim was approved
 * @param choice                        whether the partner takes the involvement payment
 * @param involvement                   time given, one entry per session (a day-rate role adds a day's sessions up,
 *                                      a monthly role a month's)
 * @param expenses                      receipted amounts: rail, taxi, parking, subsistence, care
 * @param journeys                      mileage, priced by the calculator at the rates in force
 * @param earlierCarTenthsThisTaxYear   car or van miles (in tenths) the partner had been paid for earlier in the tax
 *                                      year of the first journey, counted at approval: toward the 10,000-mile threshold
 * @param earlierInvolvement            time already paid by the partner's earlier payments in the days and months this
 *                                      claim covers, counted at approval and again when calculated: a day or a month
 *                                      is paid once, for all its time together, whichever claims the time came in
 * @param payrollReference              the partner's payroll reference (their application reference), kept with the
 *                                      payment so payroll can pay it whatever later happens to the partner's record
 */
public record ApprovedClaim(
        String claimId,
        String appointmentId,
        String roleId,
        String approvedBy,
        Instant approvedAt,
        PaymentModel model,
        PaymentChoice choice,
        List<Session> involvement,
        List<Expense> expenses,
        List<Journey> journeys,
        long earlierCarTenthsThisTaxYear,
        List<Session> earlierInvolvement,
        String payrollReference) {

    /** A claim for a partner with nothing paid earlier in its days and months (and no payroll reference kept). */
    public ApprovedClaim(
            String claimId,
            String appointmentId,
            String roleId,
            String approvedBy,
            Instant approvedAt,
            PaymentModel model,
            PaymentChoice choice,
            List<Session> involvement,
            List<Expense> expenses,
            List<Journey> journeys,
            long earlierCarTenthsThisTaxYear) {
        this(
                claimId,
                appointmentId,
                roleId,
                approvedBy,
                approvedAt,
                model,
                choice,
                involvement,
                expenses,
                journeys,
                earlierCarTenthsThisTaxYear,
                List.of(),
                null);
    }

    public ApprovedClaim {
        if (claimId == null
                || appointmentId == null
                || roleId == null
                || approvedBy == null
                || approvedAt == null
                || model == null
                || choice == null)
            throw new IllegalArgumentException("An approved claim is missing a required value");
        involvement = List.copyOf(involvement == null ? List.of() : involvement);
        expenses = List.copyOf(expenses == null ? List.of() : expenses);
        journeys = List.copyOf(journeys == null ? List.of() : journeys);
        earlierInvolvement =
                List.copyOf(earlierInvolvement == null ? List.of() : earlierInvolvement);
        if (earlierCarTenthsThisTaxYear < 0)
            throw new IllegalArgumentException("Miles are never negative");
        if (journeys.stream().map(j -> TaxYear.of(j.date())).distinct().count() > 1)
            throw new IllegalArgumentException(
                    "The journeys of one claim are in one tax year (the mileage threshold is per tax year)");
        if (involvement.isEmpty() && expenses.isEmpty() && journeys.isEmpty())
            throw new IllegalArgumentException("An approved claim claims something");
    }

    /** The same claim, with the time already paid in its days and months as it is now. */
    public ApprovedClaim withEarlierInvolvement(List<Session> earlier) {
        return new ApprovedClaim(
                claimId,
                appointmentId,
                roleId,
                approvedBy,
                approvedAt,
                model,
                choice,
                involvement,
                expenses,
                journeys,
                earlierCarTenthsThisTaxYear,
                earlier,
                payrollReference);
    }

    /** Time given on one day (a meeting from recorded attendance, or other involvement staff approved). */
    public record Session(LocalDate date, int minutes) {
        public Session {
            if (date == null || minutes <= 0)
                throw new IllegalArgumentException("A session has a date and some time");
        }
    }

    /**
     * What an expense was for; all are reimbursed at cost, with a receipt (DOMAIN.md: "subsistence, and care costs,
     * with receipts"; travel other than mileage is a fare or a charge with a ticket or receipt). Mileage is a journey,
     * not an expense, and needs none: it is worked out from the miles.
     */
    public enum ExpenseKind {
        RAIL(true),
        TAXI(true),
        PARKING(true),
        SUBSISTENCE(true),
        CARE(true);

        private final boolean needsReceipt;

        ExpenseKind(boolean needsReceipt) {
            this.needsReceipt = needsReceipt;
        }

        /** Whether staff are warned when a claim for it has no receipt (a warning, never a block). */
        public boolean needsReceipt() {
            return needsReceipt;
        }
    }

    public record Expense(ExpenseKind kind, LocalDate date, long pence) {
        public Expense {
            if (kind == null || date == null || pence < 0)
                throw new IllegalArgumentException("An expense has a kind, a date and an amount");
        }
    }

    public record Journey(LocalDate date, Vehicle vehicle, long tenths) {
        public Journey {
            if (date == null || vehicle == null || tenths <= 0)
                throw new IllegalArgumentException(
                        "A journey has a date, a vehicle and some miles");
        }
    }
}
