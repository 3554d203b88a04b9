package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.meetings.MeetingJobs;

/**
 * Every morning (07:00, Europe/London): sends the papers of each meeting whose papers are due (MEETING_PAPERS_DAYS
 * before it) to the invited partners still active. Running it again, or late, does what running it once does.
 */
public class MeetingPapersHandler extends ScheduledJob {
    private final MeetingJobs jobs;

    public MeetingPapersHandler() {
        this(Beans.get(MeetingJobs.class), Beans.get(Clock.class));
        Priming.register("MeetingPapersFunction", this::prime);
    }

    public MeetingPapersHandler(MeetingJobs jobs, Clock clock) {
        super("meeting-papers", clock);
        this.jobs = jobs;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        MeetingJobs.PapersSummary s = jobs.sendPapers(now);
        return Map.of("meetings", s.meetings(), "emails", s.emails());
    }
}
