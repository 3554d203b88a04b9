package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.SesMailSender;
import org.involve.adapters.SqsMailQueue;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailDelivery;
import org.involve.core.outbox.MailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Sends the outbox messages announced on the mail queue. A message SES refused for now waits in the outbox with its
 * retry time, and the five-minute sweep sends it when due, so its announcement is done with (SQS redelivery would
 * only move it to the dead-letter queue after five tries, long before a day's outage ends). Only an announcement
 * that could not be handled at all (the outbox unreachable) is reported as a batch item failure and comes back;
 * after five it goes to the mail dead-letter queue, and the message itself still waits in the outbox for the sweep.
 */
public class MailerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(MailerHandler.class);
    private final MailDelivery delivery;
    private final Metrics metrics;

    public MailerHandler() {
        this(Beans.get(MailDelivery.class), Telemetry.metrics());
        SesMailSender ses = Beans.get(SesMailSender.class);
        DynamoOutbox outbox = Beans.get(DynamoOutbox.class);
        Priming.register("MailerFunction", () -> prime(delivery, outbox, ses));
    }

    public MailerHandler(MailDelivery delivery, Metrics metrics) {
        this.delivery = delivery;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        LogContext.begin(context, null);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            LogContext.correlate(correlationId(message));
            MailDelivery.Outcome outcome;
            try {
                outcome = delivery.deliver(message.getBody().strip());
            } catch (RuntimeException e) {
                LOG.error(
                        "Could not deliver outbox message {}: {}",
                        message.getMessageId(),
                        e.getClass().getName());
                metrics.addMetric("MailERROR", 1, MetricUnit.COUNT);
                failures.add(
                        SQSBatchResponse.BatchItemFailure.builder()
                                .withItemIdentifier(message.getMessageId())
                                .build());
                continue;
            }
            LOG.info("Outbox message {}: {}", message.getBody().strip(), outcome);
            metrics.addMetric("Mail" + outcome.name(), 1, MetricUnit.COUNT);
        }
        metrics.flush();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * The correlation id of the request that wrote the message, carried by its announcement (see SqsMailQueue) or by
     * an approved claim on the payments queue (SqsPaymentsQueue).
     */
    static String correlationId(SQSEvent.SQSMessage message) {
        var attributes = message.getMessageAttributes();
        var a = attributes == null ? null : attributes.get(SqsMailQueue.CORRELATION_ID);
        return a == null ? null : a.getStringValue();
    }

    /**
     * SnapStart priming (see {@link Priming}) of a function that delivers outbox mail (the mailer and the outbox
     * sweep), changing nothing: delivers a message that is not in the outbox (the outbox table's read, Jackson), so
     * nothing is claimed; then rehearses what a delivery writes and sends through clients that answer themselves
     * ({@link DynamoOutbox#rehearseDelivery}: the claim and the marking as sent; {@link SesMailSender#rehearse}: the
     * send), each marshalled and signed and never sent; and counts and flushes a metric into a sink that drops it
     * ({@link Telemetry#prime}: no line reaches the log stream, so nothing is counted).
     */
    static void prime(MailDelivery delivery, DynamoOutbox outbox, SesMailSender ses) {
        delivery.deliver(Priming.NOT_THERE);
        if (outbox != null && !outbox.rehearseDelivery(Priming.NOT_THERE, Instant.now()))
            throw new IllegalStateException("The offline outbox updates were not answered");
        try {
            if (ses != null) ses.rehearse(PRIMING_EMAIL);
        } catch (MailSender.MailNotSent e) {
            throw new IllegalStateException("The offline send was refused", e);
        }
        Telemetry.prime();
    }

    /** What a priming rehearses sending: never sent (see {@link SesMailSender#rehearse}). */
    private static final Email PRIMING_EMAIL =
            new Email(
                    Priming.NOT_THERE + "@priming.invalid", "Priming", "<p>Priming</p>", "Priming");
}
