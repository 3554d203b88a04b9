package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.tenure.CheckInJobs;
import org.involve.core.tenure.TenureJobs;

/**
 * Every morning (06:30, Europe/London): from TENURE_REVIEW_DAYS before a partner's time in a role ends, asks them
 * whether they would like to carry on and the team whether they recommend it; chases an unanswered review once; on the
 * end date ends the role with a thank-you to the partner and a note to the team. Reads only the partners whose review
 * window is open; running it again, or late, does what running it once does. In the same run, the annual check-ins:
 * on each start anniversary the partner (or, for telephone or post, the team) is asked to hold one, and one the team
 * has not recorded is chased once; it reads only the partners whose anniversary has come.
 */
public class TenureReviewHandler extends ScheduledJob {
    private final TenureJobs jobs;
    private final CheckInJobs checkIns;

    public TenureReviewHandler() {
        this(Beans.get(TenureJobs.class), Beans.get(CheckInJobs.class), Beans.get(Clock.class));
        Priming.register("TenureReviewFunction", this::prime);
    }

    /** Without annual check-ins (tests of the tenure review alone). */
    public TenureReviewHandler(TenureJobs jobs, Clock clock) {
        this(jobs, null, clock);
    }

    public TenureReviewHandler(TenureJobs jobs, CheckInJobs checkIns, Clock clock) {
        super("tenure-review", clock);
        this.jobs = jobs;
        this.checkIns = checkIns;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        TenureJobs.Summary s = jobs.run(now);
        if (checkIns == null)
            return Map.of("asked", s.asked(), "chased", s.chased(), "ended", s.ended());
        CheckInJobs.Summary c = checkIns.run(now);
        return Map.of(
                "asked",
                s.asked(),
                "chased",
                s.chased(),
                "ended",
                s.ended(),
                "checkInsAsked",
                c.asked(),
                "checkInsChased",
                c.chased());
    }
}
