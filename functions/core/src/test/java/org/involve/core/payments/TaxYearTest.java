package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxYearTest {
    @ParameterizedTest(name = "{0} is in the tax year starting {1}")
    @CsvSource({
        "2026-04-05, 2025",
        "2026-04-06, 2026",
        "2026-12-31, 2026",
        "2027-01-01, 2026",
        "2027-04-05, 2026",
        "2027-04-06, 2027",
        "2024-02-29, 2023"
    })
    void startsOnTheSixthOfApril(LocalDate day, int startYear) {
        assertEquals(new TaxYear(startYear), TaxYear.of(day));
    }

    @Test
    void everyDayOfSeveralYearsIsInExactlyTheYearThatContainsIt() {
        for (LocalDate d = LocalDate.of(2023, 1, 1);
                d.isBefore(LocalDate.of(2029, 1, 1));
                d = d.plusDays(1)) {
            TaxYear y = TaxYear.of(d);
            assertTrue(y.contains(d), d.toString());
            assertTrue(
                    !new TaxYear(y.startYear() - 1).contains(d)
                            && !new TaxYear(y.startYear() + 1).contains(d));
        }
        assertEquals("2026 to 2027", new TaxYear(2026).label());
        assertEquals(LocalDate.of(2027, 4, 5), new TaxYear(2026).last());
    }
}
