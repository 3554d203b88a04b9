package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape of every scheduled job's handler (EventBridge Scheduler, or the local runtime's schedules): run core's
 * job for now, log and return its summary. A job gives its name and {@link #run}; the summary holds counts and role
 * ids only, never anything about a person, as it is logged. E-mails a job writes are announced by the outbox as it
 * writes them, so a job has nothing to announce.
 * Running a job again, or late, must do what running it once does: that is core's job, not this shape's.
 */
public abstract class ScheduledJob
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);
    private final String job;
    private final Clock clock;

    protected ScheduledJob(String job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    /** Runs the job as of {@code now}: its summary (returned, and logged). */
    protected abstract Map<String, Object> run(Instant now);

    /**
     * SnapStart priming (see {@link Priming}): the job's own run as of {@link Priming#BEFORE_ANY_RECORD}, when nothing
     * is due: its queries (the SDK, Jackson) run and find nothing to do, so it writes, sends and queues nothing. A job
     * whose run does not depend on the time (a sweep) overrides this with reads of its own.
     */
    public void prime() {
        run(Priming.BEFORE_ANY_RECORD);
    }

    @Override
    public final Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        LogContext.begin(context, null);
        Map<String, Object> summary = run(clock.instant());
        LOG.info("Scheduled job {} ran: {}", job, summary);
        return summary;
    }
}
