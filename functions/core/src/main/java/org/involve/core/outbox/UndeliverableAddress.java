package org.involve.core.outbox;

import java.time.Instant;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.References;

/**
 * An address that e-mail no longer reaches: it bounced for good, or its owner marked our e-mail as spam. Kept by a
 * one-way key of the address, never the address itself, so the list holds no personal data of its own.
 *
 * @param detail the provider's short reason (its diagnostic code), for staff; never the address
 */
public record UndeliverableAddress(String addressKey, Reason reason, Instant since, String detail) {
    public enum Reason {
        /** The receiving server said the address does not exist or will never accept mail. */
        BOUNCED,
        /** The person told their mail provider our e-mail was unwanted (marked it as spam). */
        COMPLAINED
    }

    public UndeliverableAddress {
        if (addressKey == null || addressKey.isBlank())
            throw new IllegalArgumentException("An undeliverable address needs its key");
        if (reason == null || since == null)
            throw new IllegalArgumentException("An undeliverable address needs why and since when");
        detail = detail == null ? "" : detail.strip();
        if (detail.length() > 300) detail = detail.substring(0, 300);
    }

    /** The one key for an address, whatever its case or spacing. */
    public static String keyOf(String email) {
        return References.sha256("email:" + AnswerRules.normaliseEmail(email));
    }

    /** The audit trail's name for the address: its key, never the address. */
    public String record() {
        return "address:" + addressKey;
    }
}
