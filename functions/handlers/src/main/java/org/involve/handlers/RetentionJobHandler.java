package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.retention.RetentionJob;

/**
 * Every night (03:00, Europe/London, after any clock change): deletes what has been kept as long as the Retention*
 * settings say (core.retention.RetentionJob), reading only what is due from the retention indexes. Running it again,
 * or late, does what running it once does. Its summary holds counts only.
 */
public class RetentionJobHandler extends ScheduledJob {
    private final RetentionJob job;

    public RetentionJobHandler() {
        this(Beans.get(RetentionJob.class), Beans.get(Clock.class));
    }

    public RetentionJobHandler(RetentionJob job, Clock clock) {
        super("retention", clock);
        this.job = job;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        RetentionJob.Summary s = job.run(now);
        return Map.of(
                "applications",
                s.applications(),
                "partners",
                s.partners(),
                "emailBodies",
                s.emailBodies(),
                "monitoringRoles",
                s.monitoringRoles(),
                "payments",
                s.payments());
    }
}
