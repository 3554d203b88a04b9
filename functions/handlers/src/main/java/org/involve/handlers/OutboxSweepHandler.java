package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.outbox.MailDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** On a schedule, sends outbox e-mails that are due but unsent: lost announcements and retries after throttling. */
public class OutboxSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSweepHandler.class);
    private static final int BATCH = 100;
    private final MailDelivery delivery;

    public OutboxSweepHandler() {
        this(Beans.get(MailDelivery.class));
    }

    public OutboxSweepHandler(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        int sent = delivery.sweep(BATCH);
        LOG.info("Outbox sweep sent {} messages", sent);
        return Map.of("sent", sent);
    }
}
