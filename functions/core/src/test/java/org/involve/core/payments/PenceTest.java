package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PenceTest {
    @ParameterizedTest(name = "{0} tenths at {1}p a mile is {2}p")
    @CsvSource({
        "1, 45, 5", // 4.5p: half a penny rounds up
        "1, 25, 3", // 2.5p
        "1, 24, 2", // 2.4p rounds down
        "1, 20, 2", // exact
        "3, 45, 14", // 13.5p
        "7, 45, 32", // 31.5p
        "9, 24, 22", // 21.6p rounds up
        "10, 45, 45",
        "0, 45, 0",
        "123, 45, 554" // 12.3 miles: 553.5p
    })
    void roundsToTheNearestPennyHalfUp(long tenths, long rate, long pence) {
        assertEquals(pence, Pence.share(tenths, rate, 10));
    }

    /** Every split of a pound in 1..1000 parts, against BigDecimal's HALF_UP: the rule is the one stated. */
    @Test
    void agreesWithHalfUpEverywhereInARange() {
        for (long whole = 1; whole <= 60; whole++)
            for (long parts = 1; parts <= 40; parts++)
                for (long units = 0; units <= 200; units++) {
                    long expected =
                            BigDecimal.valueOf(units * whole)
                                    .divide(BigDecimal.valueOf(parts), 0, RoundingMode.HALF_UP)
                                    .longValueExact();
                    assertEquals(
                            expected,
                            Pence.share(units, whole, parts),
                            units + "x" + whole + "/" + parts);
                }
    }

    @Test
    void neverOffByMoreThanHalfAPenny() {
        for (long units = 0; units < 5000; units += 7) {
            long p = Pence.share(units, 45, 10);
            assertTrue(Math.abs(p * 10 - units * 45) <= 5, "units " + units);
        }
    }

    @Test
    void refusesNegativeAmountsAndOverflow() {
        assertThrows(IllegalArgumentException.class, () -> Pence.share(-1, 45, 10));
        assertThrows(IllegalArgumentException.class, () -> Pence.share(1, -45, 10));
        assertThrows(IllegalArgumentException.class, () -> Pence.share(1, 45, 0));
        assertThrows(ArithmeticException.class, () -> Pence.share(Long.MAX_VALUE, 45, 10));
    }
}
