package org.involve.core.role;

import org.involve.core.kit.Words;

/**
 * How a role pays. Amounts are in pence so that sums stay exact.
 * A day of {@code fullDayMinimumMinutes} or more counts as a full day; less is a half day.
 */
public record PaymentModel(
        Kind kind,
        int fullDayPence,
        int halfDayPence,
        int fullDayMinimumMinutes,
        int monthlyPence,
        int monthlyHoursIncluded) {
    public enum Kind {
        DAY_RATE,
        MONTHLY_FIXED,
        UNPAID
    }

    private static final Words WORDS = Words.of("roles");

    /** The policy's boundary (4 hours), for a day-rate role that sets no other and for counting days on other roles. */
    public static final int DEFAULT_FULL_DAY_MINUTES = 240;

    public static PaymentModel dayRate(int fullDayPence, int halfDayPence) {
        return new PaymentModel(
                Kind.DAY_RATE, fullDayPence, halfDayPence, DEFAULT_FULL_DAY_MINUTES, 0, 0);
    }

    public static PaymentModel monthlyFixed(int monthlyPence, int hoursIncluded) {
        return new PaymentModel(Kind.MONTHLY_FIXED, 0, 0, 0, monthlyPence, hoursIncluded);
    }

    public static PaymentModel unpaid() {
        return new PaymentModel(Kind.UNPAID, 0, 0, 0, 0, 0);
    }

    /**
     * The days {@code minutesThatDay} make, in halves: 2 at or above the full-day boundary (this role's, or the
     * policy's 4 hours for a role not paid by the day), 1 below it, 0 for no time.
     */
    public int halfDays(int minutesThatDay) {
        if (minutesThatDay <= 0) return 0;
        int boundary = kind == Kind.DAY_RATE ? fullDayMinimumMinutes : DEFAULT_FULL_DAY_MINUTES;
        return minutesThatDay >= boundary ? 2 : 1;
    }

    public boolean isPaid() {
        return kind != Kind.UNPAID;
    }

    /** Plain words for the role page and e-mails. */
    public String describe() {
        return switch (kind) {
            case DAY_RATE ->
                    WORDS.format(
                            "describe.payment.dayRate",
                            "full",
                            Money.pounds(fullDayPence),
                            "half",
                            Money.pounds(halfDayPence),
                            "hours",
                            fullDayMinimumMinutes / 60);
            case MONTHLY_FIXED ->
                    WORDS.format(
                            "describe.payment.monthlyFixed",
                            "monthly",
                            Money.pounds(monthlyPence),
                            "hours",
                            monthlyHoursIncluded);
            case UNPAID -> WORDS.get("describe.payment.unpaid");
        };
    }
}
