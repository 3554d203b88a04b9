package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.involve.adapters.SesFeedbackNotices;
import org.involve.core.outbox.MailFeedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounce and complaint notices from SES (configuration set, SNS, then the mail feedback queue): an address that
 * bounced for good or complained is marked undeliverable. A message that cannot be read or stored is reported as a
 * batch item failure and, after five tries, waits on the dead-letter queue (which alarms); the rest of the batch is
 * done once. Logs carry only the SQS message id and the kind, never an address.
 */
public class MailFeedbackHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(MailFeedbackHandler.class);
    private final MailFeedback feedback;
    private final Clock clock;

    public MailFeedbackHandler() {
        this(Beans.get(MailFeedback.class), Beans.get(Clock.class));
        Priming.register("MailFeedbackFunction", this::prime);
    }

    public MailFeedbackHandler(MailFeedback feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        LogContext.begin(context, null);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                MailFeedback.Notice notice =
                        SesFeedbackNotices.parse(message.getBody(), clock.instant());
                int marked = feedback.record(notice);
                LOG.info(
                        "Mail notice {}: {}, {} address(es) newly undeliverable",
                        message.getMessageId(),
                        notice.kind(),
                        marked);
            } catch (RuntimeException e) {
                LOG.error(
                        "Could not handle mail notice {}: {}",
                        message.getMessageId(),
                        e.getClass().getName());
                failures.add(
                        SQSBatchResponse.BatchItemFailure.builder()
                                .withItemIdentifier(message.getMessageId())
                                .build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * SnapStart priming (see {@link Priming}): reads a bounce notice as SES sends one (Jackson), without recording
     * it: nothing is marked undeliverable.
     */
    public void prime() {
        SesFeedbackNotices.parse(PRIMING_NOTICE, clock.instant());
    }

    /** A permanent bounce for an address that cannot exist (".invalid"): read by priming, never recorded. */
    private static final String PRIMING_NOTICE =
            "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                    + "\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":"
                    + "\"priming@priming.invalid\",\"action\":\"failed\",\"status\":\"5.1.1\"}],"
                    + "\"timestamp\":\"2000-01-01T00:00:00.000Z\",\"feedbackId\":\"priming\"},"
                    + "\"mail\":{\"timestamp\":\"2000-01-01T00:00:00.000Z\",\"source\":"
                    + "\"priming@priming.invalid\",\"messageId\":\"priming\",\"destination\":"
                    + "[\"priming@priming.invalid\"]}}";
}
