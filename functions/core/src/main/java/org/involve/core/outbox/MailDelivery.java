package org.involve.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends outbox messages. A message is claimed before sending so two senders never send it twice at once,
 * marked sent afterwards, and put back with a growing delay when the provider throttles or fails.
 */
public final class MailDelivery {
    public enum Outcome {
        SENT,
        NOTHING_TO_DO,
        RETRY_LATER,
        GAVE_UP
    }

    private static final Duration LEASE = Duration.ofMinutes(2);
    private final Outbox outbox;
    private final MailSender sender;
    private final Clock clock;
    private final int maximumAttempts;

    public MailDelivery(Outbox outbox, MailSender sender, Clock clock, int maximumAttempts) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.maximumAttempts = maximumAttempts;
    }

    public Outcome deliver(String messageId) {
        Instant now = clock.instant();
        var found = outbox.find(messageId);
        if (found.isEmpty() || !outbox.claim(messageId, now, now.plus(LEASE)))
            return Outcome.NOTHING_TO_DO;
        OutboxMessage m = found.get();
        try {
            sender.send(m.email());
            outbox.markSent(messageId, clock.instant());
            return Outcome.SENT;
        } catch (MailSender.MailNotSent e) {
            int attempts = m.attempts() + 1;
            if (!e.retryable() || attempts >= maximumAttempts) {
                outbox.giveUp(messageId, e.getMessage());
                return Outcome.GAVE_UP;
            }
            outbox.retryLater(messageId, attempts, now.plus(backoff(attempts)), e.getMessage());
            return Outcome.RETRY_LATER;
        }
    }

    /** 1, 2, 4 ... minutes, capped at an hour, so a throttled provider is not hammered. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
    }

    /** Sends everything due: the safety net for messages whose announcement was lost or that wait for a retry. */
    public int sweep(int limit) {
        List<OutboxMessage> due = outbox.due(clock.instant(), limit);
        int sent = 0;
        for (OutboxMessage m : due) if (deliver(m.id()) == Outcome.SENT) sent++;
        return sent;
    }
}
