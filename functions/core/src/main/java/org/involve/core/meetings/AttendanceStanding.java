package org.involve.core.meetings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.involve.core.role.Commitment;

/**
 * One partner's attendance over the 12 months up to a day, against the minimum their role sets: a count a year (the
 * Strategic Co-production Group asks 7) or a percentage of meetings (the lay partners' charter asks 80%).
 *
 * <p>The rules, made kind on purpose (a partner below is asked to talk, never removed):
 *
 * <ul>
 *   <li>Only meetings they were invited to, held in the 12 months up to {@code today}, and recorded, count.
 *   <li>Apologies are not attendance (both policies ask partners to attend), but they are counted and shown, so the
 *       conversation starts from what happened.
 *   <li>A count a year is asked pro rata for someone in the role for less than the 12 months (rounded down), and never
 *       more than the meetings they were invited to.
 *   <li>A percentage is of the meetings recorded for them; with none recorded nobody is below.
 * </ul>
 *
 * @param required meetings they needed to attend in the window (count), or the percentage asked (percent)
 */
public record AttendanceStanding(
        int attended, int apologies, int absent, Kind kind, int required, boolean below) {
    public enum Kind {
        COUNT,
        PERCENT,
        NONE
    }

    public int recorded() {
        return attended + apologies + absent;
    }

    /** Attended as a whole percentage of the meetings recorded (rounded down), 0 when none. */
    public int percent() {
        return recorded() == 0 ? 0 : attended * 100 / recorded();
    }

    /** The first day of the 12 months that end on {@code today}. */
    public static LocalDate windowStart(LocalDate today) {
        return today.minusYears(1).plusDays(1);
    }

    public static AttendanceStanding of(
            Commitment c, LocalDate startInRole, Collection<Attendance> marks, LocalDate today) {
        LocalDate from = windowStart(today);
        int attended = 0, apologies = 0, absent = 0;
        for (Attendance a : marks) {
            if (a.meetingDate().isBefore(from) || a.meetingDate().isAfter(today)) continue;
            switch (a.mark()) {
                case ATTENDED -> attended++;
                case APOLOGIES -> apologies++;
                case ABSENT -> absent++;
            }
        }
        int recorded = attended + apologies + absent;
        if (c != null && c.minimumMeetingsPerYear() > 0) {
            LocalDate start =
                    startInRole == null || startInRole.isBefore(from) ? from : startInRole;
            long days = Math.max(0, ChronoUnit.DAYS.between(start, today) + 1);
            long yearDays = ChronoUnit.DAYS.between(from, today) + 1;
            int proRata = (int) (c.minimumMeetingsPerYear() * days / yearDays);
            int required = Math.min(proRata, recorded);
            return new AttendanceStanding(
                    attended, apologies, absent, Kind.COUNT, required, attended < required);
        }
        if (c != null && c.minimumAttendancePercent() > 0) {
            int pct = c.minimumAttendancePercent();
            boolean below = recorded > 0 && attended * 100 < pct * recorded;
            return new AttendanceStanding(attended, apologies, absent, Kind.PERCENT, pct, below);
        }
        return new AttendanceStanding(attended, apologies, absent, Kind.NONE, 0, false);
    }
}
