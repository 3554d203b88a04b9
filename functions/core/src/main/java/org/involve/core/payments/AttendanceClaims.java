package org.involve.core.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.staff.StaffMember;

/**
 * Turns attendance staff record at a meeting into an involvement claim waiting for staff approval. The claim's id is
 * {@code attendance-<meetingId>-<appointmentId>} and it is written on condition (none yet, or the version read), so
 * recording twice or changing the hours never makes two. While it waits, changed hours change it; once decided it is
 * left alone and staff are told that a correction is a new claim. A partner who declined payment (or whose role is
 * unpaid) gets no involvement claim: they claim expenses only.
 */
public final class AttendanceClaims {
    private static final int TRIES = 3;
    private final Claims claims;
    private final Clock clock;

    public AttendanceClaims(Claims claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /** What happened to the meeting's involvement claim. */
    public enum Outcome {
        /** Not attended, or the partner takes no involvement payment: no claim. */
        NONE,
        CREATED,
        UPDATED,
        /** The claim waiting already says this. */
        UNCHANGED,
        /** The claim was approved or rejected already: left as it is, a correction is a new claim. */
        DECIDED
    }

    public static String claimId(String meetingId, String appointmentId) {
        return "attendance-" + meetingId + "-" + appointmentId;
    }

    /** Called after staff recorded {@code a}; {@code choice} is the partner's payment choice. */
    public Outcome recorded(StaffMember who, Attendance a, PaymentChoice choice) {
        if (a.mark() != AttendanceMark.ATTENDED || choice != PaymentChoice.ACCEPTED)
            return Outcome.NONE;
        String id = claimId(a.meetingId(), a.appointmentId());
        List<ApprovedClaim.Session> session =
                List.of(new ApprovedClaim.Session(a.meetingDate(), a.minutes()));
        for (int i = 0; i < TRIES; i++) {
            Instant now = clock.instant();
            Optional<Claim> found = claims.find(id);
            if (found.isEmpty()) {
                Claim made =
                        new Claim(
                                id,
                                a.appointmentId(),
                                a.roleId(),
                                ClaimStatus.SUBMITTED,
                                session,
                                List.of(),
                                List.of(),
                                who.id(),
                                now,
                                now,
                                null,
                                null,
                                null,
                                0);
                if (claims.save(null, made, audit(who, id, now, null, made)))
                    return Outcome.CREATED;
                continue;
            }
            Claim before = found.get();
            if (before.status() == ClaimStatus.APPROVED || before.status() == ClaimStatus.REJECTED)
                return Outcome.DECIDED;
            if (before.involvement().equals(session)) return Outcome.UNCHANGED;
            Claim after =
                    new Claim(
                            id,
                            before.appointmentId(),
                            before.roleId(),
                            before.status(),
                            session,
                            before.expenses(),
                            before.journeys(),
                            before.onBehalfOf(),
                            before.createdAt(),
                            before.submittedAt(),
                            null,
                            null,
                            null,
                            before.version() + 1);
            if (claims.save(before, after, audit(who, id, now, before, after)))
                return Outcome.UPDATED;
        }
        throw new Busy("The claim from attendance kept changing meanwhile", null);
    }

    private static AuditEntry audit(
            StaffMember who, String id, Instant now, Claim before, Claim after) {
        return AuditEntry.by(
                who,
                "claim from attendance",
                "claim#" + id,
                now,
                before == null ? null : state(before),
                state(after));
    }

    private static String state(Claim c) {
        return c.status().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + c.involvement().get(0).minutes();
    }
}
