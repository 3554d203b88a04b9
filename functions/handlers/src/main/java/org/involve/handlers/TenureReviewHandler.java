package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.tenure.TenureJobs;

/**
 * Every morning (06:30, Europe/London): from TENURE_REVIEW_DAYS before a partner's time in a role ends, asks them
 * whether they would like to carry on and the team whether they recommend it; chases an unanswered review once; on the
 * end date ends the role with a thank-you to the partner and a note to the team. Reads only the partners whose review
 * window is open; running it again, or late, does what running it once does.
 */
public class TenureReviewHandler extends ScheduledJob {
    private final TenureJobs jobs;

    public TenureReviewHandler() {
        this(Beans.get(TenureJobs.class), Beans.get(Clock.class));
    }

    public TenureReviewHandler(TenureJobs jobs, Clock clock) {
        super("tenure-review", clock);
        this.jobs = jobs;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        TenureJobs.Summary s = jobs.run(now);
        return Map.of("asked", s.asked(), "chased", s.chased(), "ended", s.ended());
    }
}
