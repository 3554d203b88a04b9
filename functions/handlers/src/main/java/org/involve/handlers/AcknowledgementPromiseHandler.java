package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.application.AcknowledgementPromiseCheck;

/**
 * On a schedule (every morning, Europe/London), e-mails staff about each application still unacknowledged as its
 * role's acknowledgement promise nears. One alert per application, however often it runs.
 */
public class AcknowledgementPromiseHandler extends ScheduledJob {
    private final AcknowledgementPromiseCheck check;

    public AcknowledgementPromiseHandler() {
        this(Beans.get(AcknowledgementPromiseCheck.class), Beans.get(Clock.class));
        Priming.register("AcknowledgementPromiseFunction", this::prime);
    }

    public AcknowledgementPromiseHandler(AcknowledgementPromiseCheck check, Clock clock) {
        super("acknowledgement-promise", clock);
        this.check = check;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        AcknowledgementPromiseCheck.Result result = check.run(now);
        return Map.of("alerts", result.messageIds().size());
    }
}
