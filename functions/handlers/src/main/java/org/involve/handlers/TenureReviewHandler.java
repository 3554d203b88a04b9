package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.partners.PauseReturns;
import org.involve.core.tenure.CheckInJobs;
import org.involve.core.tenure.TenureJobs;

/**
 * Every morning (06:30, Europe/London): from TENURE_REVIEW_DAYS before a partner's time in a role ends, asks them
 * whether they would like to carry on and the team whether they recommend it; chases an unanswered review once; on the
 * end date ends the role with a thank-you to the partner and a note to the team. Reads only the partners whose review
 * window is open; running it again, or late, does what running it once does. In the same run, the annual check-ins:
 * on each start anniversary the partner (or, for telephone or post, the team) is asked to hold one, and one the team
 * has not recorded is chased once; it reads only the partners whose anniversary has come. And a pause ends on its
 * return date: partners paused with a return date that has come (UK date) are brought back as their own "Come back"
 * does (audited as the scheduler's, the team told), reading only those; after the tenure reviews, so a partner whose
 * time ended the same day is not brought back.
 */
public class TenureReviewHandler extends ScheduledJob {
    private final TenureJobs jobs;
    private final CheckInJobs checkIns;
    private final PauseReturns pauses;

    public TenureReviewHandler() {
        this(
                Beans.get(TenureJobs.class),
                Beans.get(CheckInJobs.class),
                Beans.get(PauseReturns.class),
                Beans.get(Clock.class));
        Priming.register("TenureReviewFunction", this::prime);
    }

    /** Without annual check-ins or pauses (tests of the tenure review alone). */
    public TenureReviewHandler(TenureJobs jobs, Clock clock) {
        this(jobs, null, null, clock);
    }

    /** Without pauses (tests of the tenure review and check-ins). */
    public TenureReviewHandler(TenureJobs jobs, CheckInJobs checkIns, Clock clock) {
        this(jobs, checkIns, null, clock);
    }

    public TenureReviewHandler(
            TenureJobs jobs, CheckInJobs checkIns, PauseReturns pauses, Clock clock) {
        super("tenure-review", clock);
        this.jobs = jobs;
        this.checkIns = checkIns;
        this.pauses = pauses;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        Map<String, Object> summary = new LinkedHashMap<>();
        TenureJobs.Summary s = jobs.run(now);
        summary.put("asked", s.asked());
        summary.put("chased", s.chased());
        summary.put("ended", s.ended());
        if (checkIns != null) {
            CheckInJobs.Summary c = checkIns.run(now);
            summary.put("checkInsAsked", c.asked());
            summary.put("checkInsChased", c.chased());
        }
        if (pauses != null) summary.put("backFromPause", pauses.run(now));
        return summary;
    }
}
