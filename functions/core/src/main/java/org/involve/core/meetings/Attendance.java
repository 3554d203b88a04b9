package org.involve.core.meetings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What staff recorded for one partner at one meeting. The minutes attended are kept for the payments issue, which
 * pays them (a day of 4 hours or more as a full day, under as a half day): 0 unless {@code mark} is ATTENDED.
 *
 * @param meetingDate the meeting's UK date, so attendance over the last 12 months needs no other read
 * @param version     counts the changes to this mark, so two staff recording at once cannot overwrite each other
 */
public record Attendance(
        String meetingId,
        String appointmentId,
        String roleId,
        LocalDate meetingDate,
        AttendanceMark mark,
        int minutes,
        String recordedBy,
        Instant recordedAt,
        long version) {
    public Attendance {
        if (meetingId == null
                || appointmentId == null
                || roleId == null
                || meetingDate == null
                || mark == null
                || recordedBy == null
                || recordedAt == null)
            throw new IllegalArgumentException("Attendance is missing a required value");
        if (mark == AttendanceMark.ATTENDED ? minutes <= 0 : minutes != 0)
            throw new IllegalArgumentException(
                    "Minutes are recorded for those who attended, and only for them");
    }

    /** "attended 150", "apologies 0": the audit entry's state. */
    public String state() {
        return mark.slug() + " " + minutes;
    }
}
