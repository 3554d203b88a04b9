package org.involve.core.interviews;

import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Facts;

/**
 * What following up an interview invitation records on an application, read and written here only (stored in its
 * {@code progress} map under {@code interview.*}; the names and values must not change, stored applications use them).
 *
 * @param linksSent       how many booking links were sent after the first (offered again or resent), or null
 * @param remindedToBook  when the one reminder to book was written, or null
 * @param didNotAttendAt  when staff recorded that they did not attend (or never booked), or null
 * @param didNotAttendBy  the sign-in id of the member of staff who recorded it
 */
public record FollowUpFacts(
        Integer linksSent, Instant remindedToBook, Instant didNotAttendAt, String didNotAttendBy) {
    private static final String LINKS_SENT = "interview.linksSent",
            REMINDED_TO_BOOK = "interview.remindedToBookAt",
            DID_NOT_ATTEND_AT = "interview.didNotAttendAt",
            DID_NOT_ATTEND_BY = "interview.didNotAttendBy",
            CANCELLED_AT = "interview.cancelledAt";

    /** The fact whose presence means the reminder to book was written: it is written only while absent. */
    public static final String REMINDER_MARK = REMINDED_TO_BOOK;

    public static FollowUpFacts of(Application a) {
        return new FollowUpFacts(
                Facts.number(a, LINKS_SENT),
                Facts.instant(a, REMINDED_TO_BOOK),
                Facts.instant(a, DID_NOT_ATTEND_AT),
                Facts.text(a, DID_NOT_ATTEND_BY));
    }

    /** Links sent after the first: 0 before any. */
    public int resent() {
        return linksSent == null ? 0 : linksSent;
    }

    static Map<String, String> anotherLink(Application a, Instant linkExpiresAt) {
        Map<String, String> facts = new java.util.HashMap<>(InterviewFacts.newLink(linkExpiresAt));
        facts.put(LINKS_SENT, Integer.toString(of(a).resent() + 1));
        return Map.copyOf(facts);
    }

    static Map<String, String> remindedToBook(Instant at) {
        return Facts.written().put(REMINDED_TO_BOOK, at).map();
    }

    /** The applicant cancelled their booked time through their link. */
    static Map<String, String> cancelled(Instant at) {
        return Facts.written().put(CANCELLED_AT, at).map();
    }

    static Map<String, String> didNotAttend(Instant at, String by) {
        return Facts.written().put(DID_NOT_ATTEND_AT, at).put(DID_NOT_ATTEND_BY, by).map();
    }
}
