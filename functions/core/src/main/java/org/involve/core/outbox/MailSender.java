package org.involve.core.outbox;

import org.involve.core.kit.Email;

/** Sends one e-mail now. */
public interface MailSender {
    void send(Email email) throws MailNotSent;

    /**
     * Sends and returns the provider's id for the accepted message (null if it gives none). A sender that can say
     * overrides this; the mailer keeps the id with the message.
     */
    default String sendForId(Email email) throws MailNotSent {
        send(email);
        return null;
    }

    /** What to do after a failed attempt. */
    enum Verdict {
        /** The provider did not take the message and may later: try again after a wait. */
        RETRY,
        /** The provider will never take this message: stop and tell staff. */
        GIVE_UP,
        /** The provider may have taken it (no answer came): never re-send without a person checking. */
        AMBIGUOUS
    }

    /** Why a message was not sent, as staff are told it (words in content/mail.properties). */
    enum Problem {
        THROTTLED(Verdict.RETRY),
        SENDING_PAUSED(Verdict.RETRY),
        NOT_SET_UP(Verdict.RETRY),
        PROVIDER_ERROR(Verdict.RETRY),
        UNREACHABLE(Verdict.RETRY),
        NO_ANSWER(Verdict.AMBIGUOUS),
        STOPPED_DURING_ATTEMPT(Verdict.AMBIGUOUS),
        MESSAGE_REJECTED(Verdict.GIVE_UP),
        BAD_REQUEST(Verdict.GIVE_UP),
        RETRY_TIME_OVER(Verdict.GIVE_UP),
        /** Not tried: earlier e-mail to the address bounced for good or was marked as spam. */
        ADDRESS_UNDELIVERABLE(Verdict.GIVE_UP);

        private final Verdict verdict;

        Problem(Verdict verdict) {
            this.verdict = verdict;
        }

        public Verdict verdict() {
            return verdict;
        }
    }

    /** The provider refused or failed; {@link #problem()} says why and so what to do. */
    class MailNotSent extends Exception {
        private final Problem problem;

        public MailNotSent(String message, Problem problem, Throwable cause) {
            super(message, cause);
            this.problem = problem;
        }

        /** For senders that only know whether trying later may work. */
        public MailNotSent(String message, boolean retryable, Throwable cause) {
            this(message, retryable ? Problem.PROVIDER_ERROR : Problem.MESSAGE_REJECTED, cause);
        }

        public Problem problem() {
            return problem;
        }

        public Verdict verdict() {
            return problem.verdict();
        }

        public boolean retryable() {
            return verdict() == Verdict.RETRY;
        }
    }
}
