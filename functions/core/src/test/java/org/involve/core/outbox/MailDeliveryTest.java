package org.involve.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.MutableClock;
import org.involve.core.kit.Email;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Email> sent = new ArrayList<>();
    private boolean throttled;
    private boolean rejected;
    private final MailSender ses =
            email -> {
                if (throttled) throw new MailSender.MailNotSent("Throttling", true, null);
                if (rejected) throw new MailSender.MailNotSent("MessageRejected", false, null);
                sent.add(email);
            };
    private final MailDelivery delivery = new MailDelivery(outbox, ses, clock, 3);

    private void queue(String id) {
        outbox.add(
                new OutboxMessage(
                        id,
                        new Email("jo@example.org", "Hello", "<p>Hi</p>", "Hi"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "test"));
    }

    @Test
    void aDueMessageIsSentOnceHoweverOftenItIsAnnounced() {
        queue("m1");
        assertEquals(MailDelivery.Outcome.SENT, delivery.deliver("m1"));
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver("m1"));
        assertEquals(1, sent.size());
        assertEquals(InMemoryOutbox.State.SENT, outbox.state("m1"));
    }

    @Test
    void whenSesThrottlesTheMessageWaitsAndIsSentLater() {
        queue("m1");
        throttled = true;
        assertEquals(MailDelivery.Outcome.RETRY_LATER, delivery.deliver("m1"));
        assertEquals(0, delivery.sweep(10), "not due again straight away");
        throttled = false;
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, delivery.sweep(10));
        assertEquals(1, sent.size());
    }

    @Test
    void retriesWaitLongerEachTimeUpToAnHour() {
        assertEquals(Duration.ofMinutes(1), MailDelivery.backoff(1));
        assertEquals(Duration.ofMinutes(2), MailDelivery.backoff(2));
        assertEquals(Duration.ofMinutes(32), MailDelivery.backoff(6));
        assertEquals(Duration.ofMinutes(60), MailDelivery.backoff(12));
    }

    @Test
    void aMessageTheProviderRejectsIsNotRetried() {
        queue("m1");
        rejected = true;
        assertEquals(MailDelivery.Outcome.GAVE_UP, delivery.deliver("m1"));
        assertEquals(InMemoryOutbox.State.GAVE_UP, outbox.state("m1"));
    }

    @Test
    void afterTheMaximumAttemptsTheMessageIsSetAside() {
        queue("m1");
        throttled = true;
        for (int i = 0; i < 2; i++) {
            assertEquals(MailDelivery.Outcome.RETRY_LATER, delivery.deliver("m1"));
            clock.advance(Duration.ofHours(1));
        }
        assertEquals(MailDelivery.Outcome.GAVE_UP, delivery.deliver("m1"));
    }

    @Test
    void aMessageClaimedByAnotherSenderIsLeftAlone() {
        queue("m1");
        outbox.claim("m1", clock.instant(), clock.instant().plusSeconds(120));
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver("m1"));
        assertEquals(0, sent.size());
    }
}
