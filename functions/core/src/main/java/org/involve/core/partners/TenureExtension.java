package org.involve.core.partners;

import java.time.Instant;
import java.time.LocalDate;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Counts;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

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
        if (!role.id().equals(a.roleId()))
            throw new IllegalArgumentException("The appointment is for a different role");
        Tenure t = role.tenure();
        if (a.status() == PartnerStatus.RETIRED || a.status() == PartnerStatus.ENDED)
            return refused("ended");
        if (a.termEnds() == null) return refused("reviewNotTerm");
        if (t.extensionsAllowed() == 0 || t.extensionYears() == 0) return refused("notExtendable");
        if (a.extensionsUsed() >= t.extensionsAllowed())
            return refused("noneLeft", "times", Counts.times(a.extensionsUsed()));
        LocalDate today = LocalDate.ofInstant(now, ClosingTime.UK);
        if (!today.isBefore(a.termEnds()))
            return refused("termEnded", "ended", ClosingTime.displayDate(a.termEnds()));
        LocalDate newEnd = a.termEnds().plusYears(t.extensionYears());
        if (newEnd.isAfter(a.latestEnd()))
            return refused(
                    "pastLimit",
                    "years",
                    Counts.years(t.extensionYears()),
                    "newEnd",
                    ClosingTime.displayDate(newEnd),
                    "maximum",
                    Counts.years(t.maximumYears()),
                    "latestEnd",
                    ClosingTime.displayDate(a.latestEnd()));
        Appointment extended = a.withTerm(newEnd, a.extensionsUsed() + 1);
        return new Outcome.Extended(
                extended,
                AuditEntry.by(
                        by,
                        "extended the term by " + Counts.years(t.extensionYears()),
                        "appointment:" + a.id(),
                        now,
                        "term ends " + a.termEnds(),
                        "term ends " + newEnd));
    }

    private static Outcome refused(String why, Object... namesAndValues) {
        return new Outcome.Refused(
                Words.of("partners").format("error.extend." + why, namesAndValues));
    }
}
