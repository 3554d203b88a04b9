package org.involve.core.outcomes;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ContactPreference;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the round records about an applicant's outcome, in the application's progress. {@code outcome} is decided when
 * the notification is written; the applicant has <em>heard</em> once {@code outcome.sentAt} is set: at once for an
 * e-mail (it is in the outbox), or when staff mark done the task of telephoning or writing to them.
 */
public final class OutcomeFacts {
    public static final String OUTCOME = "outcome", SENT_AT = "outcome.sentAt", BY = "outcome.by", TASK_DONE_BY = "outcome.taskDoneBy";
    public static final String SUCCESSFUL = "successful", UNSUCCESSFUL = "unsuccessful";
    public static final String BY_EMAIL = "email", BY_STAFF = "staff";

    private OutcomeFacts() {}

    /** An outcome has been decided and written (an e-mail queued, or a task given to staff). */
    public static boolean decided(Application a) {
        return !a.progress(OUTCOME).isEmpty();
    }

    /** The applicant has been told. */
    public static boolean heard(Application a) {
        return !a.progress(SENT_AT).isEmpty();
    }

    /** Staff still have to telephone or write to them. */
    public static boolean taskOpen(Application a) {
        return BY_STAFF.equals(a.progress(BY)) && !heard(a);
    }

    /** By e-mail when they chose e-mail and gave an address; otherwise staff telephone or write, as they asked. */
    public static boolean byEmail(Application a) {
        return ContactPreference.byEmail(a.answers()) && !a.answer(ApplicationForm.EMAIL).isBlank();
    }

    /** The facts recorded when the outcome is written. */
    static Map<String, String> decidedFacts(Application a, String outcome, Instant now) {
        Map<String, String> facts = new HashMap<>(Map.of(OUTCOME, outcome));
        if (byEmail(a)) {
            facts.put(BY, BY_EMAIL);
            facts.put(SENT_AT, now.toString());
        } else {
            facts.put(BY, BY_STAFF);
        }
        return facts;
    }

    /** Public for the appointment step, which records a successful outcome in its own transaction. */
    public static Map<String, String> successful(Application a, Instant now) {
        return decidedFacts(a, SUCCESSFUL, now);
    }
}
