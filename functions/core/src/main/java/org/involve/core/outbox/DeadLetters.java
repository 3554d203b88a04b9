package org.involve.core.outbox;

/**
 * Where the id of a message that finally failed is also put, so an alarm on it tells operations at once. The message
 * itself is kept in the outbox as FAILED and listed for staff (its text until the retention job removes it, the
 * sent-e-mail period after it failed); this is the signal, not the store.
 */
public interface DeadLetters {
    void deadLetter(String messageId);
}
