package org.involve.core.kit;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Instants shown as people in the UK read them: "27 October 2025 at 10:00am", in GMT or BST as the date needs. */
public final class UkTime {
    private UkTime() {}

    public static String display(Instant instant) {
        ZonedDateTime t = instant.atZone(ClosingTime.UK);
        return ClosingTime.displayDate(t.toLocalDate()) + " at " + clock(t.toLocalTime());
    }

    /**
     * "10:30am", "12:00pm", "2:05pm": spelled out here, as ClosingTime does its months, to keep locale data out of a
     * cold start (String.format's digits and DateTimeFormatter's "a" both load it). The one rule for a time of day.
     */
    public static String clock(LocalTime time) {
        int h = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        int m = time.getMinute();
        return h + ":" + (m < 10 ? "0" : "") + m + (time.getHour() < 12 ? "am" : "pm");
    }
}
