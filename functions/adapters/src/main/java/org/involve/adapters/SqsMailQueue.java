package org.involve.adapters;

import java.util.Map;
import java.util.function.Supplier;
import org.involve.core.outbox.MailQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Announces an outbox message on the mail queue. The body is only the message id: the e-mail stays in the outbox.
 * The client is asked for on the first announcement, so a function that only shows pages never builds it. The
 * announcement carries the request's correlation id as the {@value #CORRELATION_ID} attribute, so the mailer's log lines
 * can be found with the request's.
 */
public final class SqsMailQueue implements MailQueue {
    public static final String CORRELATION_ID = "correlationId";
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;
    private final Supplier<String> correlationId;

    public SqsMailQueue(Supplier<SqsClient> sqs, String queueUrl, Supplier<String> correlationId) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.correlationId = correlationId;
    }

    public SqsMailQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this(sqs, queueUrl, () -> null);
    }

    public SqsMailQueue(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    @Override
    public void announce(String messageId) {
        String correlation = correlationId.get();
        sqs.get()
                .sendMessage(
                        r -> {
                            r.queueUrl(queueUrl).messageBody(messageId);
                            if (correlation != null)
                                r.messageAttributes(
                                        Map.of(
                                                CORRELATION_ID,
                                                MessageAttributeValue.builder()
                                                        .dataType("String")
                                                        .stringValue(correlation)
                                                        .build()));
                        });
    }
}
