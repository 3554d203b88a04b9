package org.involve.core.role;

import org.involve.core.kit.ClosingTime;

import java.time.LocalDate;

/**
 * How long a partner holds the role: an initial term, extensions, and the hard limit on total time in
 * one role (4 years for any PPV role). Some roles have a review date instead of a fixed term.
 */
public record Tenure(int initialYears, int extensionYears, int extensionsAllowed, int maximumYears, LocalDate reviewDate) {
    public Tenure {
        if (initialYears < 0 || extensionYears < 0 || extensionsAllowed < 0 || maximumYears <= 0)
            throw new IllegalArgumentException("Tenure years cannot be negative");
        if (initialYears > maximumYears) throw new IllegalArgumentException("The initial term cannot pass the maximum time in a role");
    }

    public String describe() {
        StringBuilder s = new StringBuilder();
        if (initialYears > 0) {
            s.append("The term is ").append(years(initialYears));
            if (extensionsAllowed > 0 && extensionYears > 0) {
                s.append(", and can be extended ").append(extensionsAllowed == 1 ? "once" : extensionsAllowed + " times")
                        .append(" by ").append(years(extensionYears));
            }
            s.append(". ");
        }
        if (reviewDate != null) s.append("Membership will be reviewed in ").append(ClosingTime.monthAndYear(reviewDate)).append(". ");
        s.append("Nobody can hold one role for more than ").append(years(maximumYears)).append(" in total.");
        return s.toString();
    }

    private static String years(int n) {
        return n == 1 ? "1 year" : n + " years";
    }
}
