package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.outbox.MailQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of every scheduled job's handler (EventBridge Scheduler, or the local runtime's schedules): run core's
 * job for now, announce the e-mails it wrote to the outbox, log and return its summary. A job gives its name and
 * {@link #run}; the summary holds counts and role ids only, never anything about a person, as it is logged.
 * Running a job again, or late, must do what running it once does: that is core's job, not this shape's.
 */
public abstract class ScheduledJob implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);
    private final String job;
    private final Clock clock;
    private final Optional<MailQueue> mailQueue;

    /** A job that writes e-mails to the outbox; they are announced so they go now, not at the next sweep. */
    protected ScheduledJob(String job, Clock clock, MailQueue mailQueue) {
        this(job, clock, Optional.of(mailQueue));
    }

    /** A job that writes no e-mail. */
    protected ScheduledJob(String job, Clock clock) {
        this(job, clock, Optional.empty());
    }

    private ScheduledJob(String job, Clock clock, Optional<MailQueue> mailQueue) {
        this.job = job;
        this.clock = clock;
        this.mailQueue = mailQueue;
    }

    /** What one run did: the outbox messages it wrote, and its summary (returned, and logged). */
    protected record Ran(List<String> messageIds, Map<String, Object> summary) {
        public static Ran withoutMail(Map<String, Object> summary) {
            return new Ran(List.of(), summary);
        }
    }

    /** Runs the job as of {@code now}. */
    protected abstract Ran run(Instant now);

    @Override
    public final Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        Ran ran = run(clock.instant());
        mailQueue.ifPresent(queue -> MailAnnouncements.announce(queue, ran.messageIds(), LOG));
        LOG.info("Scheduled job {} ran: {}", job, ran.summary());
        return ran.summary();
    }
}
