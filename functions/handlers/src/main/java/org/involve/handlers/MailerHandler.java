package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.outbox.MailDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Sends the outbox messages announced on the mail queue. A message that must wait (SES throttling or an
 * outage) is reported as a batch item failure, so only it comes back; the rest of the batch is done.
 */
public class MailerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(MailerHandler.class);
    private final MailDelivery delivery;
    private final Metrics metrics;

    public MailerHandler() {
        this(Beans.get(MailDelivery.class), Telemetry.metrics());
    }

    public MailerHandler(MailDelivery delivery, Metrics metrics) {
        this.delivery = delivery;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            MailDelivery.Outcome outcome;
            try {
                outcome = delivery.deliver(message.getBody().strip());
            } catch (RuntimeException e) {
                LOG.error(
                        "Could not deliver outbox message {}: {}",
                        message.getMessageId(),
                        e.getClass().getName());
                outcome = MailDelivery.Outcome.RETRY_LATER;
            }
            metrics.addMetric("Mail" + outcome.name(), 1, MetricUnit.COUNT);
            if (outcome == MailDelivery.Outcome.RETRY_LATER) {
                failures.add(
                        SQSBatchResponse.BatchItemFailure.builder()
                                .withItemIdentifier(message.getMessageId())
                                .build());
            }
        }
        metrics.flush();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
