package org.involve.core.impact;

import java.time.LocalDate;
import java.time.Month;

/**
 * The year a group's report covers: the financial year, 1 April to 31 March, which NHS bodies report on. It is named
 * by the year it starts in ("2026" is 1 April 2026 to 31 March 2027).
 */
public record FinancialYear(int startYear) {
    public FinancialYear {
        if (startYear < 2000 || startYear > 2999)
            throw new IllegalArgumentException("A financial year from 2000 to 2999");
    }

    /** The financial year {@code day} falls in. */
    public static FinancialYear of(LocalDate day) {
        return new FinancialYear(
                day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1);
    }

    /** The year named in an address ("2026"), or null when it names none. */
    public static FinancialYear parse(String s) {
        if (s == null || !s.matches("2\\d{3}")) return null;
        return new FinancialYear(Integer.parseInt(s));
    }

    public LocalDate first() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate last() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first()) && !day.isAfter(last());
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    /** "2026". */
    public String slug() {
        return String.valueOf(startYear);
    }

    /** "2026 to 2027". */
    public String label() {
        return startYear + " to " + (startYear + 1);
    }
}
