package org.involve.core.fakes;

import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.OutboxWriter;

/** Writes into the shared in-memory outbox, once per id, so delivery tests can send what jobs write. */
public final class InMemoryOutboxWriter implements OutboxWriter {
    private final InMemoryOutbox outbox;

    public InMemoryOutboxWriter(InMemoryOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public boolean addOnce(OutboxMessage message) {
        return outbox.addOnce(message);
    }
}
