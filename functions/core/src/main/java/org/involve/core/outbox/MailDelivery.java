package org.involve.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.involve.core.outbox.MailSender.MailNotSent;
import org.involve.core.outbox.MailSender.Problem;

/**
 * Sends outbox messages. Each attempt is recorded (SENDING, with its time) before the provider is asked, so two
 * senders never send a message at once and an attempt whose end nobody saw is never repeated blindly: it goes to
 * NEEDS_CHECKING for staff. The provider's id is kept when it accepts. A refusal that may pass (throttling, sending
 * paused, sender not set up, an outage) is retried with a growing wait, up to an hour, until the retry window (counted
 * from the first failure) is over; then, or at once for a refusal of the message itself, the message is FAILED.
 */
public final class MailDelivery {
    public enum Outcome {
        SENT,
        NOTHING_TO_DO,
        RETRY_LATER,
        NEEDS_CHECKING,
        GAVE_UP,
        /** Not sent: the address bounced or complained before; staff reach the person another way. */
        UNDELIVERABLE
    }

    /** Longer than any one attempt can take (the SES client gives up after 12 seconds and never retries itself). */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final MailSender sender;
    private final Clock clock;
    private final Duration retryWindow;
    private final DeadLetters deadLetters;
    private final UndeliverableLookup undeliverable;

    /** Without a dead-letter signal or bounces (tests): a failed message is still kept and listed. */
    public MailDelivery(Outbox outbox, MailSender sender, Clock clock, Duration retryWindow) {
        this(outbox, sender, clock, retryWindow, messageId -> {}, UndeliverableLookup.NONE);
    }

    /** Without the undeliverable-address list (tests that are not about bounces). */
    public MailDelivery(
            Outbox outbox,
            MailSender sender,
            Clock clock,
            Duration retryWindow,
            DeadLetters deadLetters) {
        this(outbox, sender, clock, retryWindow, deadLetters, UndeliverableLookup.NONE);
    }

    public MailDelivery(
            Outbox outbox,
            MailSender sender,
            Clock clock,
            Duration retryWindow,
            DeadLetters deadLetters,
            UndeliverableLookup undeliverable) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.retryWindow = retryWindow;
        this.deadLetters = deadLetters;
        this.undeliverable = undeliverable;
    }

    public Outcome deliver(String messageId) {
        Instant now = clock.instant();
        var found = outbox.tracked(messageId);
        // Gone, or its text removed by the retention job: nothing left to send.
        if (found.isEmpty() || found.get().textDeleted()) return Outcome.NOTHING_TO_DO;
        TrackedMessage t = found.get();
        if (t.state() == MailState.SENDING) return unfinished(t, now);
        if (t.state() == MailState.PENDING) {
            // Sending to an address that bounced for good, or whose owner called us spam, would
            // harm our sending
            // reputation and reach nobody: the message waits for staff instead (not dead-lettered:
            // it is a task).
            var unreachable = undeliverable.find(t.message().email().to());
            if (unreachable.isPresent()) {
                outbox.fail(
                        messageId,
                        Problem.ADDRESS_UNDELIVERABLE,
                        "Address "
                                + unreachable
                                        .get()
                                        .reason()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT),
                        now);
                return Outcome.UNDELIVERABLE;
            }
        }
        if (!outbox.claim(messageId, now, now.plus(LEASE))) return Outcome.NOTHING_TO_DO;
        String providerId;
        try {
            providerId = sender.sendForId(t.message().email());
        } catch (MailNotSent e) {
            return failed(t, e, now);
        }
        outbox.markSent(messageId, clock.instant(), providerId);
        return Outcome.SENT;
    }

    /** An attempt was recorded and never finished: still going, or its sender stopped (crash, timeout of the function). */
    private Outcome unfinished(TrackedMessage t, Instant now) {
        if (t.attemptedAt() != null && t.attemptedAt().plus(LEASE).isAfter(now))
            return Outcome.NOTHING_TO_DO;
        outbox.needsChecking(
                t.id(),
                Problem.STOPPED_DURING_ATTEMPT,
                "The sender stopped after recording an attempt",
                now);
        return Outcome.NEEDS_CHECKING;
    }

    private Outcome failed(TrackedMessage t, MailNotSent e, Instant now) {
        switch (e.verdict()) {
            case AMBIGUOUS -> {
                outbox.needsChecking(t.id(), e.problem(), e.getMessage(), now);
                return Outcome.NEEDS_CHECKING;
            }
            case GIVE_UP -> {
                outbox.fail(t.id(), e.problem(), e.getMessage(), now);
                deadLetters.deadLetter(t.id());
                return Outcome.GAVE_UP;
            }
            default -> {
                int attempts = t.message().attempts() + 1;
                Instant since = t.firstFailedAt() == null ? now : t.firstFailedAt();
                Instant windowEnds = since.plus(retryWindow);
                if (!now.isBefore(windowEnds)) {
                    outbox.fail(
                            t.id(),
                            Problem.RETRY_TIME_OVER,
                            "Still not sent after "
                                    + retryWindow.toHours()
                                    + " hours: "
                                    + e.getMessage(),
                            now);
                    deadLetters.deadLetter(t.id());
                    return Outcome.GAVE_UP;
                }
                Instant retryAt = now.plus(backoff(attempts));
                if (retryAt.isAfter(windowEnds)) retryAt = windowEnds; // one last try as it ends
                outbox.retryLater(t.id(), attempts, retryAt, since, e.problem(), e.getMessage());
                return Outcome.RETRY_LATER;
            }
        }
    }

    /** 1, 2, 4 ... minutes, capped at an hour, so a throttled provider is not hammered. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
    }

    /**
     * Sends everything due, and finds attempts that never finished: the safety net for messages whose announcement
     * was lost, that wait for a retry, or whose sender stopped.
     */
    public int sweep(int limit) {
        return sweepOutcomes(limit).get(Outcome.SENT);
    }

    /** As {@link #sweep}, counting every outcome (each is 0 when none), for the sweep's metrics. */
    public Map<Outcome, Integer> sweepOutcomes(int limit) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, 0);
        for (OutboxMessage m : outbox.due(clock.instant(), limit))
            counts.merge(deliver(m.id()), 1, Integer::sum);
        return counts;
    }
}
