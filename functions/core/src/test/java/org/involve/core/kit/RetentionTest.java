package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.involve.core.kit.Retention.Kind;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void theDefaultsAreTheDocumentedPeriods() {
        Retention r = Retention.DEFAULTS;
        assertEquals(Period.ofDays(14), r.period(Kind.DRAFTS));
        assertEquals(Period.ofMonths(12), r.period(Kind.UNSUCCESSFUL));
        assertEquals(Period.ofYears(3), r.period(Kind.PARTNERS));
        assertEquals(Period.ofYears(6), r.period(Kind.PAYMENTS));
        assertEquals(Period.ofDays(30), r.period(Kind.SENT_EMAILS));
        assertEquals(Kind.values().length, r.kinds().size());
    }

    @Test
    void paymentRecordsAreNeverKeptForLessThanTaxLawNeeds() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Retention(14, 12, 3, 5, 30));
        assertTrue(e.getMessage().contains("RETENTION_PAYMENT_YEARS"), e.getMessage());
        assertEquals(Period.ofYears(7), new Retention(14, 12, 3, 7, 30).period(Kind.PAYMENTS));
    }

    @Test
    void everyPeriodIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new Retention(0, 12, 3, 6, 30));
        assertThrows(IllegalArgumentException.class, () -> new Retention(14, 0, 3, 6, 30));
        assertThrows(IllegalArgumentException.class, () -> new Retention(14, 12, 0, 6, 30));
        assertThrows(IllegalArgumentException.class, () -> new Retention(14, 12, 3, 6, -1));
    }

    @Test
    void periodsAreWrittenAsPeopleSayThem() {
        assertEquals("14 days", Retention.describe(Period.ofDays(14)));
        assertEquals("1 day", Retention.describe(Period.ofDays(1)));
        assertEquals("1 year", Retention.describe(Period.ofMonths(12)));
        assertEquals("2 years", Retention.describe(Period.ofMonths(24)));
        assertEquals("18 months", Retention.describe(Period.ofMonths(18)));
        assertEquals("1 month", Retention.describe(Period.ofMonths(1)));
        assertEquals("6 years", Retention.describe(Period.ofYears(6)));
    }

    @Test
    void theClockStartsOnTheUkDayOfTheEventInSummerAndWinter() {
        // 00:30 BST on 1 April 2026 is 23:30 on 31 March in UTC: the outcome was on 1 April.
        assertEquals(
                LocalDate.of(2026, 4, 1),
                Retention.startDay(Instant.parse("2026-03-31T23:30:00Z")));
        // 00:30 GMT on 1 December is 00:30 UTC.
        assertEquals(
                LocalDate.of(2026, 12, 1),
                Retention.startDay(Instant.parse("2026-12-01T00:30:00Z")));
        // 23:30 GMT on 30 November is still 30 November.
        assertEquals(
                LocalDate.of(2026, 11, 30),
                Retention.startDay(Instant.parse("2026-11-30T23:30:00Z")));
        // The night the clocks go back (25 October 2026): 00:30 BST and 01:30 GMT are both 25
        // October.
        assertEquals(
                LocalDate.of(2026, 10, 25),
                Retention.startDay(Instant.parse("2026-10-24T23:30:00Z")));
        assertEquals(
                LocalDate.of(2026, 10, 25),
                Retention.startDay(Instant.parse("2026-10-25T01:30:00Z")));
    }

    @Test
    void anUnsuccessfulApplicationToldAt0030BstIsDueAYearLaterOnTheUkDayNotTheUtcDay() {
        Retention r = Retention.DEFAULTS;
        LocalDate start = Retention.startDay(Instant.parse("2026-03-31T23:30:00Z"));
        assertEquals(LocalDate.of(2027, 4, 1), r.dueOn(Kind.UNSUCCESSFUL, start));
        // The job on 31 March 2027 (a day short of a year in the UK) leaves it; on 1 April it is
        // due.
        assertTrue(r.lastStartDayDue(Kind.UNSUCCESSFUL, LocalDate.of(2027, 3, 31)).isBefore(start));
        assertEquals(start, r.lastStartDayDue(Kind.UNSUCCESSFUL, LocalDate.of(2027, 4, 1)));
    }

    @Test
    void eachKindIsDueItsPeriodAfterItsStartDay() {
        Retention r = Retention.DEFAULTS;
        LocalDate day = LocalDate.of(2026, 6, 15);
        assertEquals(LocalDate.of(2026, 7, 15), r.dueOn(Kind.SENT_EMAILS, day));
        assertEquals(LocalDate.of(2029, 6, 15), r.dueOn(Kind.PARTNERS, day));
        assertEquals(LocalDate.of(2026, 6, 29), r.dueOn(Kind.DRAFTS, day));
        assertEquals(
                LocalDate.of(2026, 6, 15), r.lastStartDayDue(Kind.SENT_EMAILS, day.plusDays(30)));
        assertEquals(
                LocalDate.of(2026, 6, 14), r.lastStartDayDue(Kind.SENT_EMAILS, day.plusDays(29)));
    }

    @Test
    void atTheEndsOfMonthsEveryStartDayWhoseDueDayHasComeIsDue() {
        Retention monthly = new Retention(14, 1, 3, 6, 30);
        // 29, 30 and 31 January 2027 plus a month are all 28 February 2027.
        assertEquals(
                LocalDate.of(2027, 2, 28),
                monthly.dueOn(Kind.UNSUCCESSFUL, LocalDate.of(2027, 1, 31)));
        assertEquals(
                LocalDate.of(2027, 1, 31),
                monthly.lastStartDayDue(Kind.UNSUCCESSFUL, LocalDate.of(2027, 2, 28)));
        assertEquals(
                LocalDate.of(2027, 1, 27),
                monthly.lastStartDayDue(Kind.UNSUCCESSFUL, LocalDate.of(2027, 2, 27)));
        // Every start day in a year is due exactly on its due day, never before.
        Retention r = Retention.DEFAULTS;
        for (LocalDate start = LocalDate.of(2027, 1, 1);
                start.isBefore(LocalDate.of(2029, 1, 1));
                start = start.plusDays(1)) {
            for (Kind kind : List.of(Kind.UNSUCCESSFUL, Kind.PARTNERS, Kind.SENT_EMAILS)) {
                LocalDate due = r.dueOn(kind, start);
                assertTrue(!r.lastStartDayDue(kind, due).isBefore(start), kind + " " + start);
                assertTrue(
                        r.lastStartDayDue(kind, due.minusDays(1)).isBefore(start),
                        kind + " " + start);
            }
        }
    }

    /** Payment records: 6 years after the end of the UK tax year (6 April to 5 April) they were paid in. */
    @Test
    void paymentsGoSixYearsAfterTheEndOfTheTaxYearTheyWerePaidIn() {
        Retention r = Retention.DEFAULTS;
        assertEquals(LocalDate.of(2027, 4, 6), Retention.afterTaxYearOf(LocalDate.of(2027, 4, 5)));
        assertEquals(LocalDate.of(2028, 4, 6), Retention.afterTaxYearOf(LocalDate.of(2027, 4, 6)));
        assertEquals(LocalDate.of(2027, 4, 6), Retention.afterTaxYearOf(LocalDate.of(2026, 12, 1)));
        assertEquals(LocalDate.of(2033, 4, 6), r.paymentMayGoOn(LocalDate.of(2027, 4, 5)));
        assertEquals(LocalDate.of(2034, 4, 6), r.paymentMayGoOn(LocalDate.of(2027, 4, 6)));
        assertEquals(
                LocalDate.of(2036, 4, 6),
                new Retention(14, 12, 3, 8, 30).paymentMayGoOn(LocalDate.of(2027, 4, 6)));
    }
}
