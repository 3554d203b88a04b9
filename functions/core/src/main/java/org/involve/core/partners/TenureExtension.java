package org.involve.core.partners;

import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Extends a partner's term after a tenure review: as many times as the role allows (once, for the seeds'
 * roles), by the role's extension years, before the term ends, and never past the role's maximum time (4 years).
 */
public final class TenureExtension {
    private TenureExtension() {}

    public sealed interface Outcome {
        record Extended(Appointment appointment, AuditEntry audit) implements Outcome {}
        record Refused(String reason) implements Outcome {}
    }

    public static Outcome extend(Appointment a, Role role, StaffMember by, Instant now) {
        by.require(Permission.APPOINT_PARTNERS);
        if (!role.id().equals(a.roleId())) throw new IllegalArgumentException("The appointment is for a different role");
        Tenure t = role.tenure();
        if (a.status() == PartnerStatus.RETIRED || a.status() == PartnerStatus.ENDED)
            return refused("Their time in this role has ended, so it cannot be extended.");
        if (a.termEnds() == null)
            return refused("This role has a review date rather than a fixed term, so there is no term to extend. Set the next review date instead.");
        if (t.extensionsAllowed() == 0 || t.extensionYears() == 0) return refused("This role's term cannot be extended.");
        if (a.extensionsUsed() >= t.extensionsAllowed())
            return refused("Their term has already been extended " + times(a.extensionsUsed()) + ", which is as many times as this role allows.");
        LocalDate today = LocalDate.ofInstant(now, ClosingTime.UK);
        if (!today.isBefore(a.termEnds()))
            return refused("Their term ended on " + ClosingTime.displayDate(a.termEnds()) + ". A term can be extended only before it ends.");
        LocalDate newEnd = a.termEnds().plusYears(t.extensionYears());
        if (newEnd.isAfter(a.latestEnd()))
            return refused("Extending by " + years(t.extensionYears()) + " would take them to " + ClosingTime.displayDate(newEnd)
                    + ", past the limit of " + years(t.maximumYears()) + " in one role, which they reach on " + ClosingTime.displayDate(a.latestEnd()) + ".");
        Appointment extended = a.withTerm(newEnd, a.extensionsUsed() + 1);
        return new Outcome.Extended(extended, AuditEntry.by(by, "extended the term by " + years(t.extensionYears()), "appointment:" + a.id(), now,
                "term ends " + a.termEnds(), "term ends " + newEnd));
    }

    private static Outcome refused(String reason) {
        return new Outcome.Refused(reason);
    }

    private static String years(int n) {
        return n == 1 ? "1 year" : n + " years";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }
}
