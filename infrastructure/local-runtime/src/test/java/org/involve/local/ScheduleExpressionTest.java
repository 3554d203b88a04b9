package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant START = Instant.parse("2025-03-29T10:00:00Z");

    @Test
    void cronKeepsItsLocalTimeAcrossTheChangeToSummerTime() {
        ScheduleExpression nineAm = ScheduleExpression.parse("cron(0 9 * * ? *)", LONDON, START);
        Instant saturday = nineAm.next(Instant.parse("2025-03-28T12:00:00Z"));
        assertEquals(Instant.parse("2025-03-29T09:00:00Z"), saturday); // GMT
        assertEquals(
                Instant.parse("2025-03-30T08:00:00Z"),
                nineAm.next(saturday)); // BST, clocks went forward overnight
    }

    @Test
    void cronKeepsItsLocalTimeAcrossTheChangeBackToGreenwichTime() {
        ScheduleExpression nineAm = ScheduleExpression.parse("cron(0 9 * * ? *)", LONDON, START);
        assertEquals(
                Instant.parse("2025-10-26T09:00:00Z"),
                nineAm.next(Instant.parse("2025-10-25T08:00:00Z")));
    }

    @Test
    void aTimeTheClocksSkipFiresWhenTheyLandAndARepeatedOneFiresOnce() {
        ScheduleExpression halfPastOne =
                ScheduleExpression.parse("cron(30 1 * * ? *)", LONDON, START);
        // 30 March 2025: 01:30 does not exist in London; it runs at 02:30 BST, which is 01:30 UTC
        assertEquals(
                Instant.parse("2025-03-30T01:30:00Z"),
                halfPastOne.next(Instant.parse("2025-03-30T00:00:00Z")));
        // 26 October 2025: 01:30 happens twice; it runs at the first, 01:30 BST = 00:30 UTC, and
        // not again that day
        Instant first = halfPastOne.next(Instant.parse("2025-10-25T23:00:00Z"));
        assertEquals(Instant.parse("2025-10-26T00:30:00Z"), first);
        assertEquals(Instant.parse("2025-10-27T01:30:00Z"), halfPastOne.next(first));
    }

    @Test
    void cronReadsListsRangesStepsAndNames() {
        ScheduleExpression weekdays =
                ScheduleExpression.parse("cron(0/15 8-9 ? * MON-FRI *)", LONDON, START);
        // Saturday 29 March 2025 -> Monday 31 March 08:00 BST
        assertEquals(Instant.parse("2025-03-31T07:00:00Z"), weekdays.next(START));
        assertEquals(
                Instant.parse("2025-03-31T07:15:00Z"),
                weekdays.next(Instant.parse("2025-03-31T07:00:00Z")));
        ScheduleExpression firstOfQuarter =
                ScheduleExpression.parse("cron(0 6 1 JAN,4,JUL,10 ? *)", ZoneId.of("UTC"), START);
        assertEquals(Instant.parse("2025-04-01T06:00:00Z"), firstOfQuarter.next(START));
        ScheduleExpression sundays =
                ScheduleExpression.parse("cron(0 12 ? * 1 2026)", ZoneId.of("UTC"), START);
        assertEquals(Instant.parse("2026-01-04T12:00:00Z"), sundays.next(START));
    }

    @Test
    void rateCountsFixedIntervalsFromWhenTheScheduleWasCreated() {
        ScheduleExpression everyFive = ScheduleExpression.parse("rate(5 minutes)", LONDON, START);
        assertEquals(Instant.parse("2025-03-29T10:05:00Z"), everyFive.next(START));
        assertEquals(
                Instant.parse("2025-03-29T10:10:00Z"),
                everyFive.next(Instant.parse("2025-03-29T10:05:00Z")));
        ScheduleExpression daily = ScheduleExpression.parse("rate(1 day)", LONDON, START);
        // a day of 24 hours even across the change to summer time
        assertEquals(Instant.parse("2025-03-30T10:00:00Z"), daily.next(START));
        assertEquals(
                Instant.parse("2025-03-29T12:00:00Z"),
                ScheduleExpression.parse("rate(1 hour)", LONDON, START)
                        .next(Instant.parse("2025-03-29T11:00:00Z")));
    }

    @Test
    void refusesWhatItCannotEvaluate() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ScheduleExpression.parse("cron(0 9 * * ?)", LONDON, START));
        assertThrows(
                IllegalArgumentException.class,
                () -> ScheduleExpression.parse("cron(0 9 L * ? *)", LONDON, START));
        assertThrows(
                IllegalArgumentException.class,
                () -> ScheduleExpression.parse("rate(5 weeks)", LONDON, START));
        assertThrows(
                IllegalArgumentException.class,
                () -> ScheduleExpression.parse("at(2025-01-01T00:00:00)", LONDON, START));
    }
}
