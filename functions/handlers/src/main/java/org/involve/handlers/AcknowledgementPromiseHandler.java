package org.involve.handlers;

import org.involve.core.application.AcknowledgementPromiseCheck;
import org.involve.core.outbox.MailQueue;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * On a schedule (every morning, Europe/London), e-mails staff about each application still unacknowledged as its
 * role's acknowledgement promise nears. One alert per application, however often it runs.
 */
public class AcknowledgementPromiseHandler extends ScheduledJob {
    private final AcknowledgementPromiseCheck check;

    public AcknowledgementPromiseHandler() {
        this(Beans.get(AcknowledgementPromiseCheck.class), Beans.get(MailQueue.class), Beans.get(Clock.class));
    }

    public AcknowledgementPromiseHandler(AcknowledgementPromiseCheck check, MailQueue mailQueue, Clock clock) {
        super("acknowledgement-promise", clock, mailQueue);
        this.check = check;
    }

    @Override
    protected Ran run(Instant now) {
        AcknowledgementPromiseCheck.Result result = check.run(now);
        return new Ran(result.messageIds(), Map.of("alerts", result.messageIds().size()));
    }
}
