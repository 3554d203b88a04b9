package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.involve.core.payments.Guideline;
import org.involve.core.payments.MileageRates;
import org.junit.jupiter.api.Test;

class PaymentSettingsTest {
    @Test
    void hmrcRatesAndTheTwoDayGuidelineAreTheDefaults() {
        InvolveSettings none = new InvolveSettings(Map.of());
        assertEquals(new MileageRates(45, 25, 10_000, 24, 20), none.mileageRates());
        assertEquals(new Guideline(2), none.paymentGuideline());
    }

    @Test
    void eachRateIsASetting() {
        InvolveSettings changed =
                new InvolveSettings(
                        Map.of(
                                "MILEAGE_CAR_PENCE", "50",
                                "MILEAGE_CAR_AFTER_PENCE", "30",
                                "MILEAGE_CAR_THRESHOLD_MILES", "8000",
                                "MILEAGE_MOTORCYCLE_PENCE", "26",
                                "MILEAGE_BICYCLE_PENCE", "22",
                                "PAYMENT_GUIDELINE_DAYS_A_MONTH", "3"));
        assertEquals(new MileageRates(50, 30, 8_000, 26, 22), changed.mileageRates());
        assertEquals(new Guideline(3), changed.paymentGuideline());
        assertThrows(
                IllegalArgumentException.class,
                () -> new InvolveSettings(Map.of("MILEAGE_BICYCLE_PENCE", "-1")).mileageRates());
    }
}
