package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MileageRatesTest {
    /** HMRC's approved rates as the settings give them by default. */
    static final MileageRates HMRC = new MileageRates(45, 25, 10_000, 24, 20);

    static long miles(long whole) {
        return whole * MileageRates.TENTHS;
    }

    @ParameterizedTest(name = "{0}: {1} tenths after {2} earlier pays {3}p")
    @CsvSource({
        "CAR_OR_VAN, 100, 0, 450", // 10 miles at 45p
        "CAR_OR_VAN, 100, 99900, 450", // ends exactly on 10,000
        "CAR_OR_VAN, 100, 99950, 350", // 5 at 45p + 5 at 25p = 225 + 125
        "CAR_OR_VAN, 100, 100000, 250", // all after the threshold
        "CAR_OR_VAN, 100, 250000, 250",
        "CAR_OR_VAN, 1, 0, 5", // a tenth: 4.5p rounds to 5p
        "CAR_OR_VAN, 3, 99999, 10", // 0.1 at 45p (4.5 -> 5) + 0.2 at 25p (5)
        "MOTORCYCLE, 100, 0, 240",
        "MOTORCYCLE, 100, 500000, 240", // no threshold for a motorcycle
        "MOTORCYCLE, 15, 0, 36",
        "BICYCLE, 100, 0, 200",
        "BICYCLE, 123, 0, 246",
        "BICYCLE, 100, 500000, 200",
        "CAR_OR_VAN, 0, 0, 0"
    })
    void paysEachVehicleAtItsRate(Vehicle vehicle, long tenths, long earlier, long pence) {
        assertEquals(pence, HMRC.pay(vehicle, tenths, earlier).pence());
    }

    @Test
    void aJourneyAcrossTheThresholdIsSplitAtIt() {
        MileageRates.MileagePay pay = HMRC.pay(Vehicle.CAR_OR_VAN, miles(30), miles(9_990));
        assertEquals(miles(10), pay.higherTenths());
        assertEquals(miles(20), pay.lowerTenths());
        assertEquals(10 * 45 + 20 * 25, pay.pence());
        assertTrue(pay.crossesThreshold());
        assertFalse(HMRC.pay(Vehicle.CAR_OR_VAN, miles(30), 0).crossesThreshold());
    }

    /**
     * Property: for whole miles, a tax year's journeys pay the same however they are split into claims, and exactly
     * 45p for each of the first 10,000 miles and 25p for each after. (Random but seeded: the same every run.)
     */
    @Test
    void aYearOfWholeMileJourneysPaysTheSameAsOneJourney() {
        Random random = new Random(10_000);
        for (int year = 0; year < 200; year++) {
            long earlier = 0, paid = 0;
            int journeys = 1 + random.nextInt(80);
            for (int j = 0; j < journeys; j++) {
                long m = miles(random.nextInt(600));
                paid += HMRC.pay(Vehicle.CAR_OR_VAN, m, earlier).pence();
                earlier += m;
            }
            long total = earlier / MileageRates.TENTHS;
            long expected = Math.min(total, 10_000) * 45 + Math.max(0, total - 10_000) * 25;
            assertEquals(expected, paid, "year " + year);
            assertEquals(expected, HMRC.pay(Vehicle.CAR_OR_VAN, earlier, 0).pence());
        }
    }

    /** Property: more miles never pay less, and miles after the threshold never pay more than before it. */
    @Test
    void payGrowsWithMilesAndSlowsAfterTheThreshold() {
        for (long earlier : new long[] {0, miles(9_990), miles(10_000), miles(20_000)}) {
            long previous = -1;
            for (long tenths = 0; tenths <= 1_000; tenths++) {
                long p = HMRC.pay(Vehicle.CAR_OR_VAN, tenths, earlier).pence();
                assertTrue(p >= previous, tenths + " after " + earlier);
                previous = p;
                assertTrue(p <= HMRC.pay(Vehicle.CAR_OR_VAN, tenths, 0).pence());
            }
        }
    }

    @Test
    void theRatesAreSettings() {
        MileageRates changed = new MileageRates(55, 30, 5_000, 26, 22);
        assertEquals(
                5 * 55 + 5 * 30, changed.pay(Vehicle.CAR_OR_VAN, miles(10), miles(4_995)).pence());
        assertEquals(26, changed.pay(Vehicle.MOTORCYCLE, miles(1), 0).pence());
        assertEquals(22, changed.pay(Vehicle.BICYCLE, miles(1), 0).pence());
    }

    @Test
    void refusesNegativeMilesAndRates() {
        assertThrows(IllegalArgumentException.class, () -> HMRC.pay(Vehicle.BICYCLE, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> HMRC.pay(Vehicle.CAR_OR_VAN, 1, -1));
        assertThrows(
                IllegalArgumentException.class, () -> new MileageRates(-45, 25, 10_000, 24, 20));
    }
}
