package org.involve.adapters;

import java.util.function.Supplier;
import org.involve.core.payments.ApprovedClaim;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts an approved claim on the payments queue (the body is the claim as approved, {@link PaymentBatch#write}). */
public final class SqsPaymentsQueue {
    private final Supplier<SqsClient> sqs;
    private final Supplier<String> queueUrl;

    public SqsPaymentsQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this(sqs, () -> queueUrl);
    }

    /**
     * The queue's address is asked for on the first send, so a function that stores claims but never approves one
     * (the partner's claim pages) needs neither the address nor permission to send.
     */
    public SqsPaymentsQueue(Supplier<SqsClient> sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void send(ApprovedClaim claim) {
        send(PaymentBatch.write(claim));
    }

    void send(String body) {
        sqs.get().sendMessage(r -> r.queueUrl(queueUrl.get()).messageBody(body));
    }
}
