package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.Map;
import org.involve.core.fakes.InMemoryUndeliverableAddresses;
import org.involve.core.fakes.MutableClock;
import org.involve.core.outbox.MailFeedback;
import org.involve.core.outbox.UndeliverableAddress;
import org.junit.jupiter.api.Test;

/** SES's bounce and complaint notices through the mail feedback function's sample event. */
class MailFeedbackEventsTest {
    private final InMemoryUndeliverableAddresses list = new InMemoryUndeliverableAddresses();
    private final MailFeedbackHandler handler =
            new MailFeedbackHandler(
                    new MailFeedback(list),
                    new MutableClock(Instant.parse("2025-01-10T10:05:00Z")));

    private SQSBatchResponse run() {
        SQSEvent event =
                SampleEvents.use(
                        "sqs-mail-feedback.json",
                        SQSEvent.class,
                        Map.of(
                                "SAMPLE_BOUNCED", "gone@example.org",
                                "SAMPLE_COMPLAINED", "cross@example.org"));
        return handler.handleRequest(event, null);
    }

    @Test
    void aBounceAndAComplaintMarkTheirAddressesAndOnlyTheUnreadableMessageComesBack() {
        SQSBatchResponse response = run();
        assertEquals(1, response.getBatchItemFailures().size());
        assertEquals(
                "33333333-3333-4333-8333-333333333333",
                response.getBatchItemFailures().get(0).getItemIdentifier());
        assertEquals(
                UndeliverableAddress.Reason.BOUNCED,
                list.find("gone@example.org").orElseThrow().reason());
        assertEquals(
                Instant.parse("2025-01-10T10:00:00Z"),
                list.find("gone@example.org").orElseThrow().since());
        assertEquals(
                UndeliverableAddress.Reason.COMPLAINED,
                list.find("cross@example.org").orElseThrow().reason());
        assertEquals(2, list.audit.entries().size());
    }

    @Test
    void theSameBatchDeliveredTwiceChangesNothingMore() {
        run();
        SQSBatchResponse again = run();
        assertEquals(1, again.getBatchItemFailures().size());
        assertEquals(2, list.size());
        assertEquals(2, list.audit.entries().size(), "no second audit entry");
        assertTrue(list.find("someone.else@example.org").isEmpty());
    }
}
