package org.involve.core.payments;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The guideline of {@code averageFullDaysPerMonth} full days a month on average (2 in the PPV policy) and the role's
 * days a year. It gives warnings, shown to staff at approval and to the partner; it never stops a payment.
 *
 * <p>Both are measured over the 12 months ending with the month being paid, or from the month the partner started
 * if that is later. Days are counted in halves (a full day is 2, a half day 1), so no fractions arise.
 */
public record Guideline(int averageFullDaysPerMonth) {
    public Guideline {
        if (averageFullDaysPerMonth <= 0)
            throw new IllegalArgumentException("The guideline is a positive number of days");
    }

    /** One day paid, in halves (see {@link InvolvementPay.DayPayment#halfDays}). */
    public record PaidDay(LocalDate date, int halfDays) {}

    public enum Kind {
        MONTHLY_AVERAGE,
        DAYS_A_YEAR
    }

    /** Over {@code months} months the partner has {@code halfDays}, against a limit of {@code limitHalfDays}. */
    public record Warning(Kind kind, int halfDays, int limitHalfDays, int months) {}

    /**
     * @param days        the days paid or about to be paid (the claim being approved included)
     * @param month       the month being paid
     * @param started     when the partner started in the role
     * @param daysPerYear the most days a year the role asks for, or 0 when it sets none
     */
    public List<Warning> check(
            List<PaidDay> days, YearMonth month, LocalDate started, int daysPerYear) {
        YearMonth from = month.minusMonths(11);
        YearMonth start = YearMonth.from(started);
        if (start.isAfter(from)) from = start;
        if (from.isAfter(month)) from = month;
        int months = (int) ChronoUnit.MONTHS.between(from, month) + 1;
        LocalDate first = from.atDay(1), last = month.atEndOfMonth();
        int halves = 0;
        for (PaidDay d : days)
            if (!d.date().isBefore(first) && !d.date().isAfter(last)) halves += d.halfDays();
        List<Warning> warnings = new ArrayList<>();
        int averageLimit = 2 * averageFullDaysPerMonth * months;
        if (halves > averageLimit)
            warnings.add(new Warning(Kind.MONTHLY_AVERAGE, halves, averageLimit, months));
        if (daysPerYear > 0 && halves > 2 * daysPerYear)
            warnings.add(new Warning(Kind.DAYS_A_YEAR, halves, 2 * daysPerYear, months));
        return List.copyOf(warnings);
    }
}
