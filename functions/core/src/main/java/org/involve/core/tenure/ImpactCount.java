package org.involve.core.tenure;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.involve.core.partners.Appointment;

/**
 * How many impact entries ("you said, we did") a partner's group recorded while they were in the role, for the
 * thank-you at the end. The impact log (issue 9, item 6) supplies it; until it is connected nothing is counted and the
 * thank-you leaves the line out.
 */
@FunctionalInterface
public interface ImpactCount {
    ImpactCount NOT_KEPT = (a, to) -> OptionalInt.empty();

    OptionalInt entries(Appointment a, LocalDate to);
}
