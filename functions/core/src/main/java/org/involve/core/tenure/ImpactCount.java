package org.involve.core.tenure;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.involve.core.impact.Impacts;
import org.involve.core.partners.Appointment;

/**
 * How many impact entries ("you said, we did") a partner's group recorded while they were in the role, for the
 * thank-you at the end: counted from the impact log ({@link #from}); where nothing is kept the thank-you leaves the
 * line out.
 */
@FunctionalInterface
public interface ImpactCount {
    ImpactCount NOT_KEPT = (a, to) -> OptionalInt.empty();

    OptionalInt entries(Appointment a, LocalDate to);

    /** The group's entries in the impact log from the partner's start to {@code to}, both days counted. */
    static ImpactCount from(Impacts impacts) {
        return (a, to) -> OptionalInt.of(impacts.countBetween(a.roleId(), a.start(), to));
    }
}
