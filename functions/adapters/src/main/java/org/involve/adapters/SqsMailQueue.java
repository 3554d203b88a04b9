package org.involve.adapters;

import org.involve.core.ports.MailQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Announces an outbox message on the mail queue. The body is only the message id: the e-mail stays in the outbox. */
public final class SqsMailQueue implements MailQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMailQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void announce(String messageId) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(messageId));
    }
}
