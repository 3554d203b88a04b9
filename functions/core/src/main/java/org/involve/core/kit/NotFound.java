package org.involve.core.kit;

/**
 * What was asked for does not exist, or is not there for this person to see (an unknown role id, reference or
 * applicant). Every area's "no such ..." extends this, so the handlers answer all of them with one 404 page.
 * The message names the kind of record for logs and tests; it is never shown and never holds personal data.
 */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what);
    }
}
