package org.involve.core.role;

import org.involve.core.kit.Words;

/** What the role asks of a partner's time, in the role's own words, plus the attendance minimum. */
public record Commitment(
        String meetings,
        String timeAsked,
        int minimumMeetingsPerYear,
        int minimumAttendancePercent) {
    public String attendanceExpectation() {
        if (minimumMeetingsPerYear > 0)
            return Words.of("roles")
                    .format("describe.commitment.meetings", "count", minimumMeetingsPerYear);
        if (minimumAttendancePercent > 0)
            return Words.of("roles")
                    .format("describe.commitment.percent", "percent", minimumAttendancePercent);
        return "";
    }
}
