package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class UkTimeTest {
    @Test
    void timesOfDayAreTwelveHourWithTwoDigitMinutes() {
        assertEquals("12:00am", UkTime.clock(LocalTime.of(0, 0)));
        assertEquals("9:05am", UkTime.clock(LocalTime.of(9, 5)));
        assertEquals("12:00pm", UkTime.clock(LocalTime.of(12, 0)));
        assertEquals("2:05pm", UkTime.clock(LocalTime.of(14, 5)));
        assertEquals("11:59pm", UkTime.clock(LocalTime.of(23, 59, 59)));
    }

    @Test
    void instantsAreShownInUkTimeSummerAndWinter() {
        assertEquals(
                "27 October 2025 at 10:00am",
                UkTime.display(Instant.parse("2025-10-27T10:00:00Z")));
        assertEquals(
                "1 July 2025 at 10:30am", UkTime.display(Instant.parse("2025-07-01T09:30:00Z")));
    }
}
