package org.involve.core.outbox;

import org.involve.core.kit.Email;

/** Sends one e-mail now. */
public interface MailSender {
    void send(Email email) throws MailNotSent;

    /** The provider refused or failed; {@code retryable} says whether trying later may work (throttling, outage). */
    class MailNotSent extends Exception {
        private final boolean retryable;

        public MailNotSent(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
