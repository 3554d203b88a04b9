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
}
