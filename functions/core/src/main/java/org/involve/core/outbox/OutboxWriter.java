package org.involve.core.outbox;

/** Puts a message in the outbox once: the message id says what it is about, so a second write of it is refused. */
public interface OutboxWriter {
    /** @return true if written now; false if a message with this id was already there (conditional put). */
    boolean addOnce(OutboxMessage message);
}
