package org.involve.core.outbox;

/**
 * Where an outbox message stands. PENDING waits to be sent (or retried); SENDING has an attempt recorded (with its
 * time) before the provider is asked; SENT was accepted by the provider; NEEDS_CHECKING had an attempt whose result is
 * not known (no answer came back, or the sender stopped after recording it), so it is never re-sent without a person;
 * FAILED was refused for good or ran out of retry time. NEEDS_CHECKING and FAILED are kept and listed for staff.
 */
public enum MailState {
    PENDING,
    SENDING,
    SENT,
    NEEDS_CHECKING,
    FAILED;

    /** Waiting for a person: listed on the operations page. */
    public boolean troubled() {
        return this == NEEDS_CHECKING || this == FAILED;
    }
}
