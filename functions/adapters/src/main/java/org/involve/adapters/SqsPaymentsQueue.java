package org.involve.adapters;

import java.util.function.Supplier;
import org.involve.core.payments.ApprovedClaim;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts an approved claim on the payments queue (the body is the claim as approved, {@link PaymentBatch#write}). */
public final class SqsPaymentsQueue {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsPaymentsQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void send(ApprovedClaim claim) {
        send(PaymentBatch.write(claim));
    }

    void send(String body) {
        sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }
}
