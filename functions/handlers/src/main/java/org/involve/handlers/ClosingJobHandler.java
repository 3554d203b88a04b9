package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.shortlisting.ClosingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * On a schedule (every five minutes, Europe/London), closes every open role whose closing time has passed: it moves
 * to shortlisting and its panel is e-mailed. Running it again, or late, does what running it once does.
 */
public class ClosingJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(ClosingJobHandler.class);
    private final ClosingRun closing;
    private final Clock clock;

    public ClosingJobHandler() {
        this(Beans.get(ClosingRun.class), Beans.get(Clock.class));
    }

    public ClosingJobHandler(ClosingRun closing, Clock clock) {
        this.closing = closing;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        ClosingRun.Result result = closing.run(clock.instant());
        // Role ids only: they say which opportunity, nothing about any person.
        LOG.info("Closing job moved {} roles to shortlisting {} and prepared {} panel papers", result.closed().size(), result.closed(), result.papers());
        return Map.of("closed", result.closed(), "panelEmails", result.messageIds().size());
    }
}
