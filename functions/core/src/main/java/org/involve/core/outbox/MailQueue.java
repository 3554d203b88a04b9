package org.involve.core.outbox;

/** Tells the mailer a message is waiting, so it goes at once rather than at the next sweep. */
public interface MailQueue {
    void announce(String messageId);
}
