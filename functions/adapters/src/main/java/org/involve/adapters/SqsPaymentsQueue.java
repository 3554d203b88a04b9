package org.involve.adapters;

import java.util.Map;
import java.util.function.Supplier;
import org.involve.core.payments.ApprovedClaim;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Puts an approved claim on the payments queue (the body is the claim as approved, {@link PaymentBatch#write}), with
 * the correlation id of the request that approved it, so the calculator's log lines join the approval's.
 */
public final class SqsPaymentsQueue {
    private final Supplier<SqsClient> sqs;
    private final Supplier<String> queueUrl;
    private final Supplier<String> correlationId;

    public SqsPaymentsQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this(sqs, () -> queueUrl, () -> null);
    }

    /**
     * The queue's address is asked for on the first send, so a function that stores claims but never approves one
     * (the partner's claim pages) needs neither the address nor permission to send.
     */
    public SqsPaymentsQueue(
            Supplier<SqsClient> sqs, Supplier<String> queueUrl, Supplier<String> correlationId) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.correlationId = correlationId;
    }

    public void send(ApprovedClaim claim) {
        send(PaymentBatch.write(claim));
    }

    void send(String body) {
        String correlation = correlationId.get();
        sqs.get()
                .sendMessage(
                        r -> {
                            r.queueUrl(queueUrl.get()).messageBody(body);
                            if (correlation != null)
                                r.messageAttributes(
                                        Map.of(
                                                SqsMailQueue.CORRELATION_ID,
                                                MessageAttributeValue.builder()
                                                        .dataType("String")
                                                        .stringValue(correlation)
                                                        .build()));
                        });
    }
}
