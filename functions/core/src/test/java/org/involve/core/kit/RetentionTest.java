package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import org.involve.core.kit.Retention.Kind;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void theDefaultsAreTheDocumentedPeriods() {
        Retention r = Retention.DEFAULTS;
        assertEquals(Period.ofDays(14), r.period(Kind.DRAFTS));
        assertEquals(Period.ofMonths(12), r.period(Kind.UNSUCCESSFUL));
        assertEquals(Period.ofYears(3), r.period(Kind.PARTNERS));
        assertEquals(Period.ofYears(6), r.period(Kind.PAYMENTS));
        assertEquals(Period.ofDays(30), r.period(Kind.SENT_EMAILS));
        assertEquals(Kind.values().length, r.kinds().size());
    }

    @Test
    void paymentRecordsAreNeverKeptForLessThanTaxLawNeeds() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Retention(14, 12, 3, 5, 30));
        assertTrue(e.getMessage().contains("RETENTION_PAYMENT_YEARS"), e.getMessage());
        assertEquals(Period.ofYears(7), new Retention(14, 12, 3, 7, 30).period(Kind.PAYMENTS));
    }

    @Test
    void everyPeriodIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new Retention(0, 12, 3, 6, 30));
        assertThrows(IllegalArgumentException.class, () -> new Retention(14, 0, 3, 6, 30));
        assertThrows(IllegalArgumentException.class, () -> new Retention(14, 12, 0, 6, 30));
        assertThrows(IllegalArgumentException.class, () -> new Retention(14, 12, 3, 6, -1));
    }

    @Test
    void periodsAreWrittenAsPeopleSayThem() {
        assertEquals("14 days", Retention.describe(Period.ofDays(14)));
        assertEquals("1 day", Retention.describe(Period.ofDays(1)));
        assertEquals("1 year", Retention.describe(Period.ofMonths(12)));
        assertEquals("2 years", Retention.describe(Period.ofMonths(24)));
        assertEquals("18 months", Retention.describe(Period.ofMonths(18)));
        assertEquals("1 month", Retention.describe(Period.ofMonths(1)));
        assertEquals("6 years", Retention.describe(Period.ofYears(6)));
    }
}
