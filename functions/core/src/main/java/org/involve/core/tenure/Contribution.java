package org.involve.core.tenure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.OptionalInt;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.role.PaymentModel;

/**
 * What a partner gave in a role, for the thank-you: the meetings they attended, the hours recorded for them, the days
 * those make (a meeting at or over the role's full-day boundary a full day, shorter a half day, as payments count
 * them) and, once
 * the impact log is connected, the impact entries of their group.
 */
public record Contribution(int meetings, int minutes, int halfDays, OptionalInt impactEntries) {

    /** From what was recorded for them at their role's meetings from {@code from} to {@code to}, both included. */
    public static Contribution of(
            Collection<Attendance> marks,
            LocalDate from,
            LocalDate to,
            PaymentModel model,
            OptionalInt impact) {
        int meetings = 0, minutes = 0, halfDays = 0;
        for (Attendance a : marks) {
            if (a.mark() != AttendanceMark.ATTENDED
                    || a.meetingDate().isBefore(from)
                    || a.meetingDate().isAfter(to)) continue;
            meetings++;
            minutes += a.minutes();
            halfDays += model.halfDays(a.minutes());
        }
        return new Contribution(meetings, minutes, halfDays, impact);
    }

    /** "12", "12.5": hours to the nearest half hour below. */
    public String hours() {
        int halves = minutes / 30;
        return halves % 2 == 0 ? Integer.toString(halves / 2) : halves / 2 + ".5";
    }

    /** "3", "3.5". */
    public String days() {
        return halfDays % 2 == 0 ? Integer.toString(halfDays / 2) : halfDays / 2 + ".5";
    }
}
