package org.involve.core.role;

/** What the role asks of a partner's time, in the role's own words, plus the attendance minimum. */
public record Commitment(String meetings, String timeAsked, int minimumMeetingsPerYear, int minimumAttendancePercent) {
    public String attendanceExpectation() {
        if (minimumMeetingsPerYear > 0) return "Attend at least " + minimumMeetingsPerYear + " meetings a year.";
        if (minimumAttendancePercent > 0) return "Attend at least " + minimumAttendancePercent + "% of meetings.";
        return "";
    }
}
