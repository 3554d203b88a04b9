package org.involve.core.apply;

import java.time.Instant;
import java.util.Map;

/**
 * A submitted application. {@code applicantKey} identifies the person for this role (from their e-mail,
 * or phone, or name and postcode) so the same person applying twice makes one application.
 * The monitoring token links to the separate equal-opportunities answers and is the only link.
 */
public record Application(String reference, String roleId, String applicantKey, Status status,
                          Map<String, String> answers, Instant submittedAt, String contactMethod,
                          String monitoringToken, Acknowledgement acknowledgement, String enteredBy) {

    public enum Status { RECEIVED, HELD_TO_TALK_FIRST }

    /** How receipt is acknowledged: an e-mail already queued, or a task for staff to phone or write. */
    public enum Acknowledgement { EMAIL_QUEUED, STAFF_TO_CONTACT }

    public Application {
        answers = Map.copyOf(answers);
    }

    public String answer(String field) {
        return answers.getOrDefault(field, "");
    }
}
