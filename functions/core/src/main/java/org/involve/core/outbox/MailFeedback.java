package org.involve.core.outbox;

import java.time.Instant;
import java.util.List;
import org.involve.core.audit.AuditEntry;

/**
 * What the mail provider tells us after sending: a bounce or a complaint. A permanent bounce or a complaint marks the
 * address undeliverable, so later e-mails to it become tasks for staff to reach the person by telephone or post. A
 * temporary bounce (a full mailbox) is left to the provider, which tries again itself.
 */
public final class MailFeedback {
    public enum Kind {
        PERMANENT_BOUNCE,
        TEMPORARY_BOUNCE,
        COMPLAINT,
        /** Deliveries, opens and anything else the provider may publish: nothing to do. */
        OTHER
    }

    /** One notice from the provider, about one or more recipients of one message. */
    public record Notice(Kind kind, List<String> addresses, Instant at, String detail) {
        public Notice {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    static final String JOB = "mail-feedback";
    private final UndeliverableAddresses undeliverable;

    public MailFeedback(UndeliverableAddresses undeliverable) {
        this.undeliverable = undeliverable;
    }

    /** @return how many addresses became undeliverable through this notice (0 for a repeat). */
    public int record(Notice notice) {
        UndeliverableAddress.Reason reason =
                switch (notice.kind()) {
                    case PERMANENT_BOUNCE -> UndeliverableAddress.Reason.BOUNCED;
                    case COMPLAINT -> UndeliverableAddress.Reason.COMPLAINED;
                    case TEMPORARY_BOUNCE, OTHER -> null;
                };
        if (reason == null) return 0;
        int marked = 0;
        for (String email : notice.addresses()) {
            if (email == null || email.isBlank()) continue;
            UndeliverableAddress address =
                    new UndeliverableAddress(
                            UndeliverableAddress.keyOf(email),
                            reason,
                            notice.at(),
                            notice.detail());
            AuditEntry entry =
                    AuditEntry.byJob(
                            JOB,
                            "address " + reason.name().toLowerCase(java.util.Locale.ROOT),
                            address.record(),
                            notice.at(),
                            null,
                            "UNDELIVERABLE");
            if (undeliverable.mark(address, entry)) marked++;
        }
        return marked;
    }
}
