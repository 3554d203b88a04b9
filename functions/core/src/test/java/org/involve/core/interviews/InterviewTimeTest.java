package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterviewTimeTest {
    @Test
    void showsTheUkDayDateAndTimeInGmtAndBst() {
        assertEquals(
                "Tuesday 17 December 2024 at 10:30am",
                InterviewTime.display(Instant.parse("2024-12-17T10:30:00Z")));
        assertEquals(
                "Tuesday 17 June 2025 at 10:30am",
                InterviewTime.display(Instant.parse("2025-06-17T09:30:00Z")));
        assertEquals(
                "Sunday 30 March 2025 at 12:00am",
                InterviewTime.display(Instant.parse("2025-03-30T00:00:00Z")));
        assertEquals(
                "Sunday 30 March 2025 at 2:00am",
                InterviewTime.display(Instant.parse("2025-03-30T01:00:00Z")),
                "the clocks went forward");
        assertEquals(
                "Sunday 26 October 2025 at 1:30am",
                InterviewTime.display(Instant.parse("2025-10-26T01:30:00Z")),
                "the clocks went back");
        assertEquals(
                "Monday 16 December 2024 at 12:05pm",
                InterviewTime.display(Instant.parse("2024-12-16T12:05:00Z")));
    }

    @Test
    void readsTimesAsStaffTypeThem() {
        assertEquals(Optional.of(LocalTime.of(10, 30)), InterviewTime.parse("10:30"));
        assertEquals(Optional.of(LocalTime.of(14, 0)), InterviewTime.parse("14:00"));
        assertEquals(Optional.of(LocalTime.of(9, 15)), InterviewTime.parse("9.15"));
        assertEquals(Optional.of(LocalTime.of(14, 0)), InterviewTime.parse("2pm"));
        assertEquals(Optional.of(LocalTime.of(14, 30)), InterviewTime.parse("2:30 PM"));
        assertEquals(Optional.of(LocalTime.of(0, 15)), InterviewTime.parse("12:15am"));
        assertEquals(Optional.of(LocalTime.of(12, 0)), InterviewTime.parse("12pm"));
        for (String bad : new String[] {"", "10", "25:00", "10:75", "13pm", "noon", "10:30:00"})
            assertEquals(Optional.empty(), InterviewTime.parse(bad), bad);
    }
}
