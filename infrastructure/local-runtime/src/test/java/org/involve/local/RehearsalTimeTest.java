package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RehearsalTimeTest {
    private static final Clock REAL =
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void noSettingMeansTheRealTime() {
        assertTrue(RehearsalTime.from(null, "", REAL).isEmpty());
    }

    @Test
    void aStartGivenInUkTimeIsReadInUkTimeBothInWinterAndSummer() {
        assertEquals(
                Instant.parse("2026-12-08T23:58:00Z"),
                RehearsalTime.from("2026-12-08T23:58", null, REAL).get().instant());
        // British Summer Time: 23:58 in London is 22:58 UTC.
        assertEquals(
                Instant.parse("2027-06-08T22:58:00Z"),
                RehearsalTime.from("2027-06-08T23:58", null, REAL).get().instant());
        assertEquals(
                Instant.parse("2026-12-08T23:58:30Z"),
                RehearsalTime.from("2026-12-08T23:58:30Z", null, REAL).get().instant());
    }

    @Test
    void aShiftMovesTheClockAndAddsToAStart() {
        assertEquals(
                Instant.parse("2026-12-02T10:00:00Z"),
                RehearsalTime.from(null, "P1D", REAL).get().instant());
        assertEquals(
                Instant.parse("2026-12-01T08:00:00Z"),
                RehearsalTime.from(null, "PT-2H", REAL).get().instant());
        assertEquals(
                Instant.parse("2026-12-09T00:00:30Z"),
                RehearsalTime.from("2026-12-08T23:59:30Z", "PT1M", REAL).get().instant());
    }

    @Test
    void aSettingThatDoesNotParseSaysWhatItShouldBe() {
        IllegalArgumentException start =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RehearsalTime.from("next Tuesday", null, REAL));
        assertTrue(start.getMessage().contains("INVOLVE_CLOCK must be a time"), start.getMessage());
        IllegalArgumentException shift =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RehearsalTime.from(null, "1 day", REAL));
        assertTrue(shift.getMessage().contains("ISO-8601 duration"), shift.getMessage());
    }
}
