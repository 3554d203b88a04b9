package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.shortlisting.ClosingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a schedule (every five minutes, Europe/London), closes every open role whose closing time has passed: it moves
 * to shortlisting and its panel is e-mailed. Running it again, or late, does what running it once does.
 */
public class ClosingJobHandler extends ScheduledJob {
    private static final Logger LOG = LoggerFactory.getLogger(ClosingJobHandler.class);
    private final ClosingRun closing;

    public ClosingJobHandler() {
        this(Beans.get(ClosingRun.class), Beans.get(Clock.class));
        Priming.register("ClosingJobFunction", this::prime);
    }

    public ClosingJobHandler(ClosingRun closing, Clock clock) {
        super("closing-job", clock);
        this.closing = closing;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        ClosingRun.Result result = closing.run(now);
        LOG.info("Closing job prepared {} panel papers", result.papers());
        // Role ids only: they say which opportunity, nothing about any person.
        return Map.of("closed", result.closed(), "panelEmails", result.messageIds().size());
    }
}
