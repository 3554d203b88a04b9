package org.involve.core.role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Counts;
import org.involve.core.kit.Words;

/**
 * How long a partner holds the role: an initial term, extensions, and the hard limit on total time in
 * one role (4 years for any PPV role). Some roles have a review date instead of a fixed term.
 */
public record Tenure(
        int initialYears,
        int extensionYears,
        int extensionsAllowed,
        int maximumYears,
        LocalDate reviewDate) {
    private static final Words WORDS = Words.of("roles");

    public Tenure {
        if (initialYears < 0 || extensionYears < 0 || extensionsAllowed < 0 || maximumYears <= 0)
            throw new IllegalArgumentException("Tenure years cannot be negative");
        if (initialYears > maximumYears)
            throw new IllegalArgumentException(
                    "The initial term cannot pass the maximum time in a role");
    }

    public String describe() {
        List<String> s = new ArrayList<>();
        if (initialYears > 0) {
            String years = Counts.years(initialYears);
            if (extensionsAllowed > 0 && extensionYears > 0) {
                s.add(
                        extensionsAllowed == 1
                                ? WORDS.format(
                                        "describe.tenure.termExtendableOnce",
                                        "years",
                                        years,
                                        "extensionYears",
                                        Counts.years(extensionYears))
                                : WORDS.format(
                                        "describe.tenure.termExtendableTimes",
                                        "years",
                                        years,
                                        "times",
                                        extensionsAllowed,
                                        "extensionYears",
                                        Counts.years(extensionYears)));
            } else {
                s.add(WORDS.format("describe.tenure.term", "years", years));
            }
        }
        if (reviewDate != null)
            s.add(
                    WORDS.format(
                            "describe.tenure.review",
                            "month",
                            ClosingTime.monthAndYear(reviewDate)));
        s.add(WORDS.format("describe.tenure.limit", "years", Counts.years(maximumYears)));
        return String.join(" ", s);
    }
}
