package org.involve.core.outbox;

import java.time.Instant;

/**
 * An outbox message with where it stands.
 *
 * @param attemptedAt   when the last attempt was recorded (null before the first)
 * @param firstFailedAt when the current run of retries began (null when none has failed since it was last queued):
 *                      the retry window is counted from here
 * @param problem       why it is not sent, when it is not (null otherwise)
 * @param changedAt     when it became NEEDS_CHECKING or FAILED (null otherwise)
 * @param providerId    the provider's id for the message once it accepted it (null otherwise)
 * @param textRemovedAt when the retention job removed its text, HTML, subject and address (null while they are kept):
 *                      then {@code message().email()} is null, and nothing is left to read or send
 */
public record TrackedMessage(
        OutboxMessage message,
        MailState state,
        Instant attemptedAt,
        Instant firstFailedAt,
        MailSender.Problem problem,
        Instant changedAt,
        String providerId,
        Instant textRemovedAt) {

    /** A message whose text is still kept. */
    public TrackedMessage(
            OutboxMessage message,
            MailState state,
            Instant attemptedAt,
            Instant firstFailedAt,
            MailSender.Problem problem,
            Instant changedAt,
            String providerId) {
        this(message, state, attemptedAt, firstFailedAt, problem, changedAt, providerId, null);
    }

    public String id() {
        return message.id();
    }

    /** The retention job removed its text and address: it can be neither read nor sent. */
    public boolean textDeleted() {
        return textRemovedAt != null;
    }
}
