package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.partners.PaymentChoice;
import org.junit.jupiter.api.Test;

class ClaimReviewTest {
    static final LocalDate DAY = LocalDate.of(2027, 3, 3);
    static final Guideline TWO = new Guideline(2);

    static Claim sessions(LocalDate... days) {
        List<ApprovedClaim.Session> s = new ArrayList<>();
        for (LocalDate d : days) s.add(new ApprovedClaim.Session(d, 300));
        return Claim.draft("claim-1", "appt-1", "scg", null, ClaimTest.NOW)
                .withContents(s, List.of(), List.of());
    }

    @Test
    void theTwoDaysAMonthWarningIsShownWithThePayment() {
        ClaimReview review =
                ClaimReview.of(
                        sessions(DAY, DAY.plusDays(1), DAY.plusDays(2)),
                        InvolvementPayTest.SCG,
                        PaymentChoice.ACCEPTED,
                        0,
                        List.of(),
                        MileageRatesTest.HMRC,
                        TWO,
                        List.of(),
                        LocalDate.of(2027, 3, 1),
                        0,
                        ClaimTest.NOW);
        assertEquals(45000, review.preview().involvementPence());
        assertEquals(
                List.of(
                        "Over 1 months this is 3 days of involvement: more than the guideline of 2 days (2 days a"
                                + " month on average). It is still paid."),
                review.warnings());
    }

    @Test
    void withinTheGuidelineThereIsNoWarning() {
        ClaimReview review =
                ClaimReview.of(
                        sessions(DAY),
                        InvolvementPayTest.SCG,
                        PaymentChoice.ACCEPTED,
                        0,
                        List.of(),
                        MileageRatesTest.HMRC,
                        TWO,
                        List.of(new Guideline.PaidDay(DAY.minusMonths(1), 1)),
                        LocalDate.of(2026, 1, 1),
                        18,
                        ClaimTest.NOW);
        assertEquals(List.of(), review.warnings());
        assertEquals(List.of(new Guideline.PaidDay(DAY, 2)), review.days());
    }

    @Test
    void timeBeyondTheMonthlyCapIsShownAndNotPaid() {
        Claim c =
                Claim.draft("claim-2", "appt-2", "lep", null, ClaimTest.NOW)
                        .withContents(
                                List.of(
                                        new ApprovedClaim.Session(DAY, 60),
                                        new ApprovedClaim.Session(DAY.plusDays(3), 270)),
                                List.of(),
                                List.of());
        ClaimReview review =
                ClaimReview.of(
                        c,
                        InvolvementPayTest.LEP,
                        PaymentChoice.ACCEPTED,
                        0,
                        List.of(),
                        MileageRatesTest.HMRC,
                        TWO,
                        List.of(),
                        LocalDate.of(2026, 1, 1),
                        0,
                        ClaimTest.NOW);
        assertEquals(7500, review.preview().involvementPence());
        assertEquals(
                List.of(
                        "1 hour 30 minutes beyond the hours the monthly payment covers. The monthly payment"
                                + " stays the same, so this time is not paid."),
                review.warnings());
    }

    @Test
    void halfDaysAreShownAsHalves() {
        assertEquals("2.5", ClaimReview.halves(5));
        assertEquals("2", ClaimReview.halves(4));
    }
}
