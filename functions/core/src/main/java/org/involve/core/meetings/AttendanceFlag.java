package org.involve.core.meetings;

import java.time.Instant;

/**
 * A staff task: a partner below their role's attendance minimum, to be offered a supportive conversation (never
 * removed). One per partner per period (the UK month the check ran, "2027-03"), so the monthly job flags once.
 */
public record AttendanceFlag(
        String appointmentId,
        String roleId,
        String period,
        int attended,
        int apologies,
        int absent,
        Instant flaggedAt) {
    public AttendanceFlag {
        if (appointmentId == null || roleId == null || period == null || flaggedAt == null)
            throw new IllegalArgumentException("A flag is missing a required value");
    }
}
