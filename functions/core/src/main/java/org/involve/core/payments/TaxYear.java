package org.involve.core.payments;

import java.time.LocalDate;

/** A UK tax year, 6 April to 5 April; {@code startYear} 2026 is 6 April 2026 to 5 April 2027. */
public record TaxYear(int startYear) {
    public static TaxYear of(LocalDate day) {
        LocalDate sixthOfApril = LocalDate.of(day.getYear(), 4, 6);
        return new TaxYear(day.isBefore(sixthOfApril) ? day.getYear() - 1 : day.getYear());
    }

    public LocalDate first() {
        return LocalDate.of(startYear, 4, 6);
    }

    public LocalDate last() {
        return LocalDate.of(startYear + 1, 4, 5);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first()) && !day.isAfter(last());
    }

    /** "2026 to 2027", as HMRC writes it. */
    public String label() {
        return startYear + " to " + (startYear + 1);
    }
}
