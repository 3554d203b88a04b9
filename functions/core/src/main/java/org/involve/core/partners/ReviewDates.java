package org.involve.core.partners;

import java.time.Instant;
import java.time.LocalDate;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * A role reviewed on a date rather than held for a term ("until March 2025, then reviewed"). When the partner carries
 * on after a review, the next review is one role length later (the role's initial term), or a year when the role has
 * none, and never past the end of their time in the role (the 4-year limit): the review whose next date would reach
 * that end is the last one, and after it the review date is that end, so what follows is the review of the end itself.
 */
public final class ReviewDates {
    private ReviewDates() {}

    public sealed interface Outcome {
        record Continued(Appointment appointment, AuditEntry audit) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    /** The review after the appointment's current review date, capped at the end of their time in the role. */
    public static LocalDate next(Appointment a, Tenure t) {
        if (!a.reviewDateAhead())
            throw new IllegalArgumentException("The appointment has no review date ahead");
        LocalDate next = a.reviewDate().plusYears(t.initialYears() > 0 ? t.initialYears() : 1);
        return next.isBefore(a.ends()) ? next : a.ends();
    }

    /** The current review date is the last: carrying on after it takes them to the end of their time in the role. */
    public static boolean isLast(Appointment a, Tenure t) {
        return !next(a, t).isBefore(a.ends());
    }

    /** Staff agree the partner carries on after the review: the next review date is set (or none after the last). */
    public static Outcome carryOn(Appointment a, Role role, StaffMember by, Instant now) {
        by.require(Permission.APPOINT_PARTNERS);
        if (!role.id().equals(a.roleId()))
            throw new IllegalArgumentException("The appointment is for a different role");
        if (a.status() == PartnerStatus.RETIRED || a.status() == PartnerStatus.ENDED)
            return refused("ended");
        if (!a.reviewDateAhead()) return refused("noReviewDate");
        LocalDate next = next(a, role.tenure());
        boolean last = !next.isBefore(a.ends());
        Appointment continued = a.withReviewDate(next);
        return new Outcome.Continued(
                continued,
                AuditEntry.by(
                        by,
                        "carried on after the review",
                        "appointment:" + a.id(),
                        now,
                        "review date " + a.reviewDate(),
                        last ? "no more reviews, ends " + a.ends() : "review date " + next));
    }

    private static Outcome refused(String why) {
        return new Outcome.Refused(Words.of("partners").get("error.carryOn." + why));
    }
}
