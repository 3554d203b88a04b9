package org.involve.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.involve.adapters.internal.Json;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.PaymentCalculator;

/**
 * One batch from the payments queue (up to 10 messages, each the JSON of one approved claim). Each message is handled
 * on its own: those that fail (a body that is not a claim, the table unreachable) are returned by id, for Lambda's
 * ReportBatchItemFailures, and come back until the queue's redrive policy moves them to the dead-letter queue; the
 * rest are done and deleted. A failure is reported with the message id and the error's class only (a claim is
 * personal data).
 */
public final class PaymentBatch {
    /** One message as the event source hands it over. */
    public record Message(String messageId, String body, String correlationId) {
        public Message(String messageId, String body) {
            this(messageId, body, null);
        }
    }

    private final PaymentCalculator calculator;
    private final Consumer<String> warn;

    public PaymentBatch(PaymentCalculator calculator, Consumer<String> warn) {
        this.calculator = calculator;
        this.warn = warn;
    }

    /** Handles each message; returns the ids of those that failed, to be delivered again. */
    public List<String> handle(List<Message> messages) {
        return handle(messages, m -> {});
    }

    /** As {@link #handle(List)}, telling {@code starting} of each message before it is handled (for its log context). */
    public List<String> handle(List<Message> messages, Consumer<Message> starting) {
        List<String> failed = new ArrayList<>();
        for (Message m : messages) {
            starting.accept(m);
            try {
                calculator.handle(read(m.body()));
            } catch (RuntimeException e) {
                warn.accept(
                        "Could not calculate the payment in message "
                                + m.messageId()
                                + ": "
                                + e.getClass().getName());
                failed.add(m.messageId());
            }
        }
        return failed;
    }

    /** The message body for an approved claim. */
    public static String write(ApprovedClaim claim) {
        return Json.write(claim);
    }

    public static ApprovedClaim read(String body) {
        return Json.read(body, ApprovedClaim.class);
    }
}
