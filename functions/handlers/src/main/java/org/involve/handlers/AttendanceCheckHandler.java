package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.meetings.MeetingJobs;

/**
 * On the first of each month (08:00, Europe/London): flags each active partner below their role's attendance minimum
 * over the last 12 months to the team, for a supportive conversation, once per partner per month. Nobody is removed.
 */
public class AttendanceCheckHandler extends ScheduledJob {
    private final MeetingJobs jobs;

    public AttendanceCheckHandler() {
        this(Beans.get(MeetingJobs.class), Beans.get(Clock.class));
        Priming.register("AttendanceCheckFunction", this::prime);
    }

    public AttendanceCheckHandler(MeetingJobs jobs, Clock clock) {
        super("attendance-check", clock);
        this.jobs = jobs;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        MeetingJobs.AttendanceSummary s = jobs.checkAttendance(now);
        return Map.of("roles", s.roles(), "flagged", s.flagged());
    }
}
