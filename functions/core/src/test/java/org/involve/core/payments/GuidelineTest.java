package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.payments.Guideline.Kind;
import org.involve.core.payments.Guideline.PaidDay;
import org.involve.core.payments.Guideline.Warning;
import org.junit.jupiter.api.Test;

class GuidelineTest {
    static final Guideline TWO_A_MONTH = new Guideline(2);
    static final YearMonth MARCH = YearMonth.of(2027, 3);
    static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    /** {@code fullDays} full days in each of the 12 months to March 2027. */
    static List<PaidDay> fullDaysEachMonth(int fullDays) {
        List<PaidDay> out = new ArrayList<>();
        for (int i = 0; i < 12; i++)
            for (int d = 1; d <= fullDays; d++)
                out.add(new PaidDay(MARCH.minusMonths(i).atDay(d), 2));
        return out;
    }

    @Test
    void twoDaysAMonthIsWithinTheGuidelineAndOneMoreIsAWarning() {
        assertEquals(List.of(), TWO_A_MONTH.check(fullDaysEachMonth(2), MARCH, LONG_AGO, 0));
        List<PaidDay> more = new ArrayList<>(fullDaysEachMonth(2));
        more.add(new PaidDay(MARCH.atDay(20), 1));
        assertEquals(
                List.of(new Warning(Kind.MONTHLY_AVERAGE, 49, 48, 12)),
                TWO_A_MONTH.check(more, MARCH, LONG_AGO, 0));
    }

    @Test
    void itIsAnAverageSoABusyMonthAfterQuietOnesIsFine() {
        List<PaidDay> days = new ArrayList<>();
        for (int d = 1; d <= 10; d++) days.add(new PaidDay(MARCH.atDay(d), 2));
        assertEquals(List.of(), TWO_A_MONTH.check(days, MARCH, LONG_AGO, 0));
    }

    @Test
    void aNewPartnersAverageIsOverTheMonthsSinceTheyStarted() {
        List<PaidDay> days =
                List.of(
                        new PaidDay(MARCH.atDay(2), 2),
                        new PaidDay(MARCH.atDay(9), 2),
                        new PaidDay(MARCH.atDay(16), 2));
        List<Warning> w = TWO_A_MONTH.check(days, MARCH, LocalDate.of(2027, 3, 1), 0);
        assertEquals(List.of(new Warning(Kind.MONTHLY_AVERAGE, 6, 4, 1)), w);
        assertEquals(List.of(), TWO_A_MONTH.check(days, MARCH, LocalDate.of(2027, 2, 1), 0));
    }

    @Test
    void theRolesDaysAYearIsASecondWarning() {
        List<Warning> w = TWO_A_MONTH.check(fullDaysEachMonth(2), MARCH, LONG_AGO, 18);
        assertEquals(List.of(new Warning(Kind.DAYS_A_YEAR, 48, 36, 12)), w);
        assertEquals(List.of(), TWO_A_MONTH.check(fullDaysEachMonth(1), MARCH, LONG_AGO, 18));
    }

    @Test
    void daysOutsideTheTwelveMonthsDoNotCount() {
        List<PaidDay> old = new ArrayList<>();
        for (int d = 1; d <= 28; d++) old.add(new PaidDay(MARCH.minusMonths(12).atDay(d), 2));
        for (int d = 1; d <= 28; d++) old.add(new PaidDay(MARCH.plusMonths(1).atDay(d), 2));
        assertEquals(List.of(), TWO_A_MONTH.check(old, MARCH, LONG_AGO, 18));
    }

    /** Property: the warning appears exactly when the halves exceed 4 a month on average; it never throws. */
    @Test
    void warnsExactlyAboveTheAverage() {
        for (int halves = 0; halves <= 120; halves++) {
            List<PaidDay> days = new ArrayList<>();
            for (int i = 0; i < halves; i++)
                days.add(new PaidDay(MARCH.minusMonths(i % 12).atDay(1 + i / 12), 1));
            boolean warned =
                    TWO_A_MONTH.check(days, MARCH, LONG_AGO, 0).stream()
                            .anyMatch(x -> x.kind() == Kind.MONTHLY_AVERAGE);
            assertEquals(halves > 48, warned, halves + " halves");
        }
        assertTrue(new Guideline(3).check(fullDaysEachMonth(3), MARCH, LONG_AGO, 0).isEmpty());
    }
}
