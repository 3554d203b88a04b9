package org.involve.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.MutableClock;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailSender.Problem;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {
    private static final Duration WINDOW = Duration.ofHours(72);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Email> sent = new ArrayList<>();
    private Problem failing;
    private final MailSender ses =
            new MailSender() {
                @Override
                public void send(Email email) throws MailNotSent {
                    sendForId(email);
                }

                @Override
                public String sendForId(Email email) throws MailNotSent {
                    if (failing != null) throw new MailNotSent(failing.name(), failing, null);
                    sent.add(email);
                    return "ses-" + sent.size();
                }
            };
    private final List<String> deadLettered = new ArrayList<>();
    private final MailDelivery delivery =
            new MailDelivery(outbox, ses, clock, WINDOW, deadLettered::add);

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

    private TrackedMessage tracked(String id) {
        return outbox.tracked(id).orElseThrow();
    }

    /** Runs the five-minutely sweep for {@code d}. */
    private void sweepFor(Duration d) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(5));
            delivery.sweep(10);
        }
    }

    @Test
    void aDueMessageIsSentOnceHoweverOftenItIsAnnouncedAndKeepsTheProvidersId() {
        queue("m1");
        assertEquals(MailDelivery.Outcome.SENT, delivery.deliver("m1"));
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver("m1"));
        assertEquals(1, sent.size());
        assertEquals(MailState.SENT, outbox.state("m1"));
        assertEquals("ses-1", tracked("m1").providerId());
        assertEquals(clock.instant(), tracked("m1").attemptedAt());
    }

    @Test
    void whenSesThrottlesTheMessageWaitsAndIsSentLater() {
        queue("m1");
        failing = Problem.THROTTLED;
        assertEquals(MailDelivery.Outcome.RETRY_LATER, delivery.deliver("m1"));
        assertEquals(Problem.THROTTLED, tracked("m1").problem());
        assertEquals(0, delivery.sweep(10), "not due again straight away");
        failing = null;
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

    /** The old limit (8 attempts) gave up after about 2 hours 20 minutes; a paused account can take days. */
    @Test
    void sendingPausedForTwoDaysIsRetriedThroughAndTheMessageGoesOnceWhenItResumes() {
        queue("m1");
        failing = Problem.SENDING_PAUSED;
        delivery.deliver("m1");
        sweepFor(Duration.ofHours(48));
        assertEquals(MailState.PENDING, outbox.state("m1"));
        assertTrue(tracked("m1").message().attempts() > 40, "tried about hourly");
        failing = null;
        sweepFor(Duration.ofHours(2));
        assertEquals(1, sent.size());
        assertEquals(MailState.SENT, outbox.state("m1"));
    }

    @Test
    void whenTheRetryWindowIsOverTheMessageFailsAndIsKeptForStaff() {
        queue("m1");
        failing = Problem.NOT_SET_UP;
        delivery.deliver("m1");
        sweepFor(WINDOW.plusHours(1));
        TrackedMessage t = tracked("m1");
        assertEquals(MailState.FAILED, t.state());
        assertEquals(Problem.RETRY_TIME_OVER, t.problem());
        assertEquals(List.of(t), outbox.troubled(10));
        assertEquals(List.of("m1"), deadLettered, "dead-lettered once");
        assertTrue(
                !t.changedAt().isBefore(Instant.parse("2025-01-13T10:00:00Z")),
                "not before the window is over");
    }

    @Test
    void aMessageTheProviderRejectsIsNotRetried() {
        queue("m1");
        failing = Problem.MESSAGE_REJECTED;
        assertEquals(MailDelivery.Outcome.GAVE_UP, delivery.deliver("m1"));
        assertEquals(MailState.FAILED, outbox.state("m1"));
        assertEquals(Problem.MESSAGE_REJECTED, tracked("m1").problem());
        assertEquals(List.of("m1"), deadLettered);
    }

    @Test
    void noAnswerFromTheProviderIsNeverSentAgainByItself() {
        queue("m1");
        failing = Problem.NO_ANSWER;
        assertEquals(MailDelivery.Outcome.NEEDS_CHECKING, delivery.deliver("m1"));
        failing = null;
        sweepFor(Duration.ofHours(3));
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver("m1"));
        assertEquals(0, sent.size());
        assertEquals(MailState.NEEDS_CHECKING, outbox.state("m1"));
        assertEquals(List.of(), deadLettered, "not failed: it may have gone");
        assertEquals(List.of("m1"), outbox.troubled(10).stream().map(TrackedMessage::id).toList());
    }

    @Test
    void anAttemptWhoseSenderStoppedGoesToCheckingNotToASecondSend() {
        queue("m1");
        // A sender recorded its attempt and then stopped (the function crashed or timed out).
        assertTrue(outbox.claim("m1", clock.instant(), clock.instant().plusSeconds(120)));
        assertEquals(
                MailDelivery.Outcome.NOTHING_TO_DO,
                delivery.deliver("m1"),
                "while its attempt may still be going, it is left alone");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, delivery.sweep(10));
        assertEquals(MailState.NEEDS_CHECKING, outbox.state("m1"));
        assertEquals(Problem.STOPPED_DURING_ATTEMPT, tracked("m1").problem());
        assertEquals(0, sent.size());
    }

    @Test
    void theSweepCountsEachOutcome() {
        queue("m1");
        queue("m2");
        outbox.claim("m2", clock.instant(), clock.instant().plusSeconds(120));
        clock.advance(Duration.ofMinutes(5));
        var counts = delivery.sweepOutcomes(10);
        assertEquals(1, counts.get(MailDelivery.Outcome.SENT));
        assertEquals(1, counts.get(MailDelivery.Outcome.NEEDS_CHECKING));
        assertEquals(0, counts.get(MailDelivery.Outcome.GAVE_UP));
    }

    @Test
    void sentAgainByStaffItGoesOnceWithAFreshRetryWindowAndIsAudited() {
        queue("m1");
        failing = Problem.MESSAGE_REJECTED;
        delivery.deliver("m1");
        failing = null;
        AuditEntry entry =
                new AuditEntry(
                        "staff-1",
                        "mail sent again",
                        "mail:m1",
                        clock.instant(),
                        "FAILED",
                        "PENDING");
        assertTrue(outbox.sendAgain("m1", clock.instant(), entry));
        assertNull(tracked("m1").firstFailedAt());
        assertEquals(1, delivery.sweep(10));
        assertEquals(1, sent.size());
        assertEquals(List.of(entry), outbox.audit.entries());
    }

    /** A message whose text the retention job removed has nothing left to send, whoever announces it. */
    @Test
    void aMessageWhoseTextWasRemovedIsNeverSent() {
        queue("m1");
        failing = Problem.MESSAGE_REJECTED;
        assertEquals(MailDelivery.Outcome.GAVE_UP, delivery.deliver("m1"));
        outbox.removeText("m1", clock.instant());
        failing = null;
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver("m1"));
        assertTrue(sent.isEmpty());
        assertEquals(MailState.FAILED, outbox.state("m1"));
    }
}
