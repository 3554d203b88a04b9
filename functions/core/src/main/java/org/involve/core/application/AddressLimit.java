package org.involve.core.application;

import java.time.Duration;
import java.time.Instant;
import org.involve.core.attempts.Attempts;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.References;
import org.involve.core.outbox.OutboxMessage;

/**
 * The limit on e-mails of one kind to one address, whoever asks for them: at most a number in any 24 hours (a
 * rolling window), counted under a one-way key of the normalised address so that no address is stored. The one
 * rule behind the acknowledgement limit and the "continue your application" limit, so the public form cannot be
 * used to fill someone's inbox.
 */
final class AddressLimit {
    /** Any 24 hours, not a calendar day. */
    static final Duration WINDOW = Duration.ofDays(1);

    private AddressLimit() {}

    /** The count's key: the kind of e-mail and a hash of the address, never the address itself. */
    static String key(String kind, String email) {
        return kind + "-address#" + References.sha256("email:" + AnswerRules.normaliseEmail(email));
    }

    /** Counts one e-mail of {@code kind} to {@code email} now; false (not counted) when the limit was reached. */
    static boolean take(Attempts limits, String kind, String email, int limit, Instant now) {
        return limits.take(key(kind, email), limit, WINDOW, now);
    }

    /** As {@link #take}, and puts {@code message} in the outbox in the same transaction when counted. */
    static boolean takeWithMail(
            Attempts limits,
            String kind,
            String email,
            int limit,
            Instant now,
            OutboxMessage message) {
        return limits.takeWithMail(key(kind, email), limit, WINDOW, now, message);
    }
}
