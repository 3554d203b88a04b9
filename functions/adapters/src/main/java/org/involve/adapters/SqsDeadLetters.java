package org.involve.adapters;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.involve.core.outbox.DeadLetters;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Puts the id of a message that finally failed on the mail dead-letter queue, where the dead-letter alarm sees it.
 * Best effort: the message is kept in the outbox as FAILED and listed for staff whatever happens here. The body is
 * only the message id.
 */
public final class SqsDeadLetters implements DeadLetters {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;
    private final Consumer<String> warn;

    public SqsDeadLetters(Supplier<SqsClient> sqs, String queueUrl, Consumer<String> warn) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.warn = warn;
    }

    @Override
    public void deadLetter(String messageId) {
        try {
            sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(messageId));
        } catch (SdkException e) {
            warn.accept(
                    "Outbox message "
                            + messageId
                            + " failed and is listed for staff, but could not be put on the dead-letter queue: "
                            + e.getClass().getSimpleName());
        }
    }
}
