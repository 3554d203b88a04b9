package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.adapters.PaymentBatch;
import org.involve.core.fakes.InMemoryPayments;
import org.involve.core.payments.MileageRates;
import org.involve.core.payments.PaymentCalculator;
import org.involve.core.payments.PaymentRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The calculator's sample event: one approved claim and one message that is not a claim. */
class PaymentCalculatorEventsTest {
    private final InMemoryPayments payments = new InMemoryPayments();
    private final Map<String, PaymentRecord> records = payments.records;
    private final List<String> warnings = new ArrayList<>();
    private final PaymentCalculatorHandler handler =
            new PaymentCalculatorHandler(
                    new PaymentBatch(
                            new PaymentCalculator(
                                    payments,
                                    new MileageRates(45, 25, 10_000, 24, 20),
                                    Clock.fixed(
                                            Instant.parse("2027-03-10T10:05:00Z"), ZoneOffset.UTC)),
                            w -> warnings.add(w + " [" + MDC.get(LogContext.CORRELATION_ID) + "]")),
                    Telemetry.metrics());

    private SQSBatchResponse deliver() {
        SampleEvents.COVERED.add("sqs-payment-approved.json");
        return handler.handleRequest(
                SampleEvents.read("sqs-payment-approved.json", SQSEvent.class, Map.of()), null);
    }

    @Test
    void theClaimIsPaidAndTheMessageThatIsNotAClaimComesBack() {
        SQSBatchResponse response = deliver();

        assertEquals(
                List.of("44444444-4444-4444-8444-444444444444"),
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .toList());
        PaymentRecord paid = records.get("claim-0001");
        assertEquals(15000, paid.involvementPence()); // 5 hours: a full day
        assertEquals(
                2340 + 554,
                paid.expensesPence()); // rail, and 12.3 miles at 45p rounded to the penny
        assertEquals(1, records.size());
        assertEquals(1, warnings.size());
        // The failure is logged under the correlation id of the approval that queued it.
        assertTrue(warnings.get(0).endsWith("[approve-req-7f3a]"), warnings.get(0));
    }

    @Test
    void deliveredAgainTheClaimIsNotPaidTwice() {
        deliver();
        PaymentRecord first = records.get("claim-0001");
        deliver();
        assertEquals(first, records.get("claim-0001"));
        assertEquals(1, records.size());
    }
}
