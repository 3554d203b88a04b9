package org.involve.core.interviews;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.UkTime;

/**
 * Interview times as people in the UK read and write them. Shown as "Tuesday 17 December 2024 at 10:30am" in
 * whichever of GMT or BST the date is in; typed as "10:30", "14:00", "2pm" or "2:30pm". Day and month names are spelled
 * out here, as ClosingTime does, because loading the JDK's locale data slows a cold start.
 */
public final class InterviewTime {
    private static final String[] DAYS = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    };
    private static final Pattern TYPED =
            Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");

    private InterviewTime() {}

    /** The instant of a UK wall-clock time. */
    public static Instant instant(LocalDateTime ukTime) {
        return ZonedDateTime.of(ukTime, ClosingTime.UK).toInstant();
    }

    /** Whether this wall-clock time happens in the UK: the hour skipped when the clocks go forward does not. */
    public static boolean exists(LocalDateTime ukTime) {
        return ZonedDateTime.of(ukTime, ClosingTime.UK).toLocalDateTime().equals(ukTime);
    }

    /** "Tuesday 17 December 2024 at 10:30am". */
    public static String display(Instant instant) {
        return day(instant.atZone(ClosingTime.UK).getDayOfWeek()) + " " + UkTime.display(instant);
    }

    /**
     * The last minute before {@code end}, as people say a deadline: a link that stops at midnight works "until Sunday
     * 15 December 2024 at 11:59pm", not "until Monday at 12:00am".
     */
    public static String until(Instant end) {
        return display(end.minusSeconds(60));
    }

    public static String day(DayOfWeek day) {
        return DAYS[day.getValue() - 1];
    }

    /** A time as staff type it: "10:30", "14:00", "9.15", "2pm", "2:30 pm". Empty when it is not a time of day. */
    public static Optional<LocalTime> parse(String typed) {
        if (typed == null) return Optional.empty();
        Matcher m = TYPED.matcher(typed.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String half = m.group(3) == null ? null : m.group(3).replace(".", "");
        if (half == null && m.group(2) == null)
            return Optional.empty(); // "10" alone could be either
        if (half != null) {
            if (hour < 1 || hour > 12) return Optional.empty();
            hour = hour % 12 + ("pm".equals(half) ? 12 : 0);
        }
        if (hour > 23 || minute > 59) return Optional.empty();
        return Optional.of(LocalTime.of(hour, minute));
    }
}
