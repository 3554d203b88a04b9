package org.involve.core.outbox;

import java.time.Instant;
import org.involve.core.kit.Email;

/** An e-mail waiting in the outbox. The id is fixed by what the message is about, so writing it twice is one message. */
public record OutboxMessage(
        String id, Email email, Instant createdAt, Instant dueAt, int attempts, String purpose) {}
