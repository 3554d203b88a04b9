package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClosingTimeTest {
    private final ClosingTime winter = new ClosingTime(LocalDate.of(2024, 12, 8));
    private final ClosingTime summer = new ClosingTime(LocalDate.of(2025, 7, 8));

    private final ClosingTime june = new ClosingTime(LocalDate.of(2025, 6, 12));

    @Test
    void inWinterUkTimeIsGmtSoTheLastMinuteEndsAtMidnightUtc() {
        assertEquals(Instant.parse("2024-12-09T00:00:00Z"), winter.instant());
    }

    @Test
    void inWinterAnApplicationAMinuteBeforeClosingIsAccepted() {
        assertTrue(winter.isOpenAt(Instant.parse("2024-12-08T23:58:59Z")));
    }

    @Test
    void inWinterAnApplicationAt235930IsStillInTime() {
        assertTrue(winter.isOpenAt(Instant.parse("2024-12-08T23:59:30Z")));
    }

    @Test
    void inWinterTheLastSecondOf2359IsStillInTime() {
        assertTrue(winter.isOpenAt(Instant.parse("2024-12-08T23:59:59.999Z")));
    }

    @Test
    void inWinterAnApplicationAtMidnightIsTooLate() {
        assertFalse(winter.isOpenAt(Instant.parse("2024-12-09T00:00:00Z")));
    }

    @Test
    void inWinterJustAfterMidnightIsTooLate() {
        assertFalse(winter.isOpenAt(Instant.parse("2024-12-09T00:00:01Z")));
    }

    @Test
    void inSummerUkTimeIsBstSoTheLastMinuteEndsAt2300Utc() {
        assertEquals(Instant.parse("2025-07-08T23:00:00Z"), summer.instant());
    }

    @Test
    void inJuneAnApplicationAt235930BstIsStillInTime() {
        assertTrue(june.isOpenAt(Instant.parse("2025-06-12T22:59:30Z")));
    }

    @Test
    void inJuneAnApplicationAtMidnightBstIsTooLate() {
        assertFalse(june.isOpenAt(Instant.parse("2025-06-12T23:00:00Z")));
    }

    @Test
    void inSummerAnApplicationAt2330UtcIsAfterMidnightUkTimeAndRefused() {
        assertFalse(summer.isOpenAt(Instant.parse("2025-07-08T23:30:00Z")));
    }

    @Test
    void inSummerAnApplicationAt2258UtcIsStillOnTheClosingDay() {
        assertTrue(summer.isOpenAt(Instant.parse("2025-07-08T22:58:59Z")));
    }

    @Test
    void onTheDayTheClocksGoBackItClosesAtGmt() {
        // 26 October 2025: BST ends at 02:00, so the end of 23:59 that evening is midnight GMT.
        assertEquals(
                Instant.parse("2025-10-27T00:00:00Z"),
                new ClosingTime(LocalDate.of(2025, 10, 26)).instant());
    }

    @Test
    void onTheDayTheClocksGoForwardItClosesAtBst() {
        assertEquals(
                Instant.parse("2025-03-30T23:00:00Z"),
                new ClosingTime(LocalDate.of(2025, 3, 30)).instant());
    }

    @Test
    void theDayBeforeTheClocksGoForwardItClosesAtGmt() {
        // 29 March 2025 is still GMT; the clocks change at 01:00 UTC the next morning, after
        // closing.
        assertEquals(
                Instant.parse("2025-03-30T00:00:00Z"),
                new ClosingTime(LocalDate.of(2025, 3, 29)).instant());
    }

    @Test
    void isShownTheWayTheRolePacksWriteIt() {
        assertEquals("8 December 2024 at 11:59pm", winter.display());
    }

    @Test
    void daysSinceTheClosingDateCountUkCalendarDaysNot24HourPeriods() {
        ClosingTime december = new ClosingTime(LocalDate.of(2026, 12, 2));
        assertEquals(0, december.daysSinceClosingDate(Instant.parse("2026-12-02T23:59:59Z")));
        // Minutes after closing, and the next morning: both the day after the closing date.
        assertEquals(1, december.daysSinceClosingDate(Instant.parse("2026-12-03T00:00:01Z")));
        assertEquals(1, december.daysSinceClosingDate(Instant.parse("2026-12-03T09:00:00Z")));
        assertEquals(1, december.daysSinceClosingDate(Instant.parse("2026-12-03T23:59:59Z")));
        assertEquals(2, december.daysSinceClosingDate(Instant.parse("2026-12-04T00:00:00Z")));
    }

    @Test
    void daysSinceTheClosingDateAreRightAcrossTheClocksChanging() {
        // Clocks go forward at 1am on 29 March 2026: 11:30pm BST that day is 10:30pm UTC, under 24
        // hours after closing.
        ClosingTime spring = new ClosingTime(LocalDate.of(2026, 3, 28));
        assertEquals(1, spring.daysSinceClosingDate(Instant.parse("2026-03-29T22:30:00Z")));
        assertEquals(2, spring.daysSinceClosingDate(Instant.parse("2026-03-29T23:00:00Z")));
        // Clocks go back at 2am on 25 October 2026: 12:30am GMT on the 26th is 25.5 hours after
        // closing.
        ClosingTime autumn = new ClosingTime(LocalDate.of(2026, 10, 24));
        assertEquals(1, autumn.daysSinceClosingDate(Instant.parse("2026-10-25T23:59:00Z")));
        assertEquals(2, autumn.daysSinceClosingDate(Instant.parse("2026-10-26T00:30:00Z")));
        // In summer a day starts at 11pm UTC the evening before.
        assertEquals(1, summer.daysSinceClosingDate(Instant.parse("2025-07-08T23:00:00Z")));
        assertEquals(0, summer.daysSinceClosingDate(Instant.parse("2025-07-08T22:59:59Z")));
    }
}
