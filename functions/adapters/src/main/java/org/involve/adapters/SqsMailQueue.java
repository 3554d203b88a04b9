package org.involve.adapters;

import java.util.function.Supplier;
import org.involve.core.outbox.MailQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Announces an outbox message on the mail queue. The body is only the message id: the e-mail stays in the outbox.
 * The client is asked for on the first announcement, so a function that only shows pages never builds it.
 */
public final class SqsMailQueue implements MailQueue {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsMailQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public SqsMailQueue(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    @Override
    public void announce(String messageId) {
        sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(messageId));
    }
}
