package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.application.AcknowledgementPromiseCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * On a schedule (every morning, Europe/London), e-mails staff about each application still unacknowledged as its
 * role's acknowledgement promise nears. One alert per application, however often it runs.
 */
public class AcknowledgementPromiseHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementPromiseHandler.class);
    private final AcknowledgementPromiseCheck check;
    private final Clock clock;

    public AcknowledgementPromiseHandler() {
        this(Beans.get(AcknowledgementPromiseCheck.class), Beans.get(Clock.class));
    }

    public AcknowledgementPromiseHandler(AcknowledgementPromiseCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        AcknowledgementPromiseCheck.Result result = check.run(clock.instant());
        LOG.info("Acknowledgement promise check alerted staff about {} applications", result.messageIds().size());
        return Map.of("alerts", result.messageIds().size());
    }
}
