package org.involve.core.interviews;

import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Facts;

/**
 * What arranging interviews records on an application, read from and written to its facts here only (stored in its
 * {@code progress} map under {@code interview.*}; the names and values must not change, stored applications use them).
 * A field is null (adjustments: empty) until its step has happened.
 *
 * @param invitedAt     when the invitation was written
 * @param invitedBy     {@link #BY_EMAIL} (a booking link) or {@link #BY_TEAM} (a task to book by telephone or post)
 * @param linkExpiresAt when an e-mailed booking link stops working
 * @param slotId        the slot booked
 * @param bookedBy      who booked: {@link #APPLICANT_LINK}, or the member of staff's sign-in id
 */
public record InterviewFacts(
        Instant invitedAt,
        String invitedBy,
        Instant linkExpiresAt,
        String slotId,
        Instant startsAt,
        Integer minutes,
        String adjustments,
        Instant bookedAt,
        String bookedBy) {
    private static final String INVITED_AT = "interview.invitedAt",
            INVITED_BY = "interview.invitedBy",
            LINK_EXPIRES_AT = "interview.linkExpiresAt",
            SLOT = "interview.slot",
            STARTS_AT = "interview.startsAt",
            MINUTES = "interview.minutes",
            ADJUSTMENTS = "interview.adjustments",
            BOOKED_AT = "interview.bookedAt",
            BOOKED_BY = "interview.bookedBy";

    /** The fact an invitation writes first: an invitation is stored only while the application has none, so it goes once. */
    public static final String INVITATION_MARK = INVITED_AT;

    public static final String BY_EMAIL = "email", BY_TEAM = "team";

    /** Who booked, when the applicant booked through their link. */
    public static final String APPLICANT_LINK = "applicant-link";

    public InterviewFacts {
        adjustments = adjustments == null ? "" : adjustments;
    }

    /** The facts recorded on {@code a} so far. */
    public static InterviewFacts of(Application a) {
        return new InterviewFacts(
                Facts.instant(a, INVITED_AT),
                Facts.text(a, INVITED_BY),
                Facts.instant(a, LINK_EXPIRES_AT),
                Facts.text(a, SLOT),
                Facts.instant(a, STARTS_AT),
                Facts.number(a, MINUTES),
                Facts.text(a, ADJUSTMENTS),
                Facts.instant(a, BOOKED_AT),
                Facts.text(a, BOOKED_BY));
    }

    /** An invitation e-mailed with a booking link that works until {@code linkExpiresAt}. */
    static InterviewFacts invitedByEmail(Instant at, Instant linkExpiresAt) {
        return new InterviewFacts(at, BY_EMAIL, linkExpiresAt, null, null, null, null, null, null);
    }

    /** An invitation given to the team as a task, to book by telephone or post. */
    static InterviewFacts invitedByTeam(Instant at) {
        return new InterviewFacts(at, BY_TEAM, null, null, null, null, null, null, null);
    }

    /** A booking of {@code slot}, with the adjustments asked for (written even when empty). */
    static InterviewFacts booked(
            InterviewSlot slot, String adjustments, Instant at, String bookedBy) {
        return new InterviewFacts(
                null,
                null,
                null,
                slot.slotId(),
                slot.startsAt(),
                slot.minutes(),
                adjustments,
                at,
                bookedBy);
    }

    /** A new booking link sent (offered again, or resent): when it stops working. */
    static Map<String, String> newLink(Instant linkExpiresAt) {
        return Facts.written().put(LINK_EXPIRES_AT, linkExpiresAt).map();
    }

    public boolean invited() {
        return invitedAt != null;
    }

    /** Sent a booking link (rather than a task for the team). */
    public boolean invitedByEmail() {
        return BY_EMAIL.equals(invitedBy);
    }

    public boolean bookedOnline() {
        return APPLICANT_LINK.equals(bookedBy);
    }

    /** Whether {@code slot} is the one this application booked. */
    public boolean booked(InterviewSlot slot) {
        return slot.slotId().equals(slotId);
    }

    /** The step's facts as stored: only those this step sets (a booking writes its adjustments even when empty). */
    public Map<String, String> asFacts() {
        return Facts.written()
                .put(INVITED_AT, invitedAt)
                .put(INVITED_BY, invitedBy)
                .put(LINK_EXPIRES_AT, linkExpiresAt)
                .put(SLOT, slotId)
                .put(STARTS_AT, startsAt)
                .put(MINUTES, minutes)
                .put(ADJUSTMENTS, slotId != null || !adjustments.isEmpty() ? adjustments : null)
                .put(BOOKED_AT, bookedAt)
                .put(BOOKED_BY, bookedBy)
                .map();
    }
}
