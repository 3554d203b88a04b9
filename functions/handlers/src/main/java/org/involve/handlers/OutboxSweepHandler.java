package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.outbox.MailDelivery;

/** On a schedule, sends outbox e-mails that are due but unsent: lost announcements and retries after throttling. */
public class OutboxSweepHandler extends ScheduledJob {
    private static final int BATCH = 100;
    private final MailDelivery delivery;

    public OutboxSweepHandler() {
        this(Beans.get(MailDelivery.class));
    }

    public OutboxSweepHandler(MailDelivery delivery) {
        // Delivery keeps its own clock for what is due.
        super("outbox-sweep", Clock.systemUTC());
        this.delivery = delivery;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        return Map.of("sent", delivery.sweep(BATCH));
    }
}
