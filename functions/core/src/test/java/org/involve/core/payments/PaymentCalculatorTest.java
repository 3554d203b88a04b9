package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.involve.core.fakes.InMemoryPayments;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.ApprovedClaim.Expense;
import org.involve.core.payments.ApprovedClaim.ExpenseKind;
import org.involve.core.payments.ApprovedClaim.Journey;
import org.involve.core.payments.ApprovedClaim.Session;
import org.involve.core.role.PaymentModel;
import org.junit.jupiter.api.Test;

class PaymentCalculatorTest {
    static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");
    static final LocalDate DAY = LocalDate.of(2027, 3, 3);

    static ApprovedClaim claim(
            PaymentModel model,
            PaymentChoice choice,
            List<Session> sessions,
            List<Expense> expenses,
            List<Journey> journeys,
            long earlierTenths) {
        return new ApprovedClaim(
                "claim-1",
                "appt-1",
                "scg",
                "staff-0001",
                NOW,
                model,
                choice,
                sessions,
                expenses,
                journeys,
                earlierTenths);
    }

    @Test
    void twoSessionsOnOneDayMakeOneDayAndAnotherDayIsSeparate() {
        PaymentRecord p =
                PaymentCalculator.calculate(
                        claim(
                                InvolvementPayTest.SCG,
                                PaymentChoice.ACCEPTED,
                                List.of(
                                        new Session(DAY, 120),
                                        new Session(DAY, 150), // 4.5 hours that day: a full day
                                        new Session(DAY.plusDays(7), 90)), // a half day
                                List.of(),
                                List.of(),
                                0),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(15000 + 7500, p.involvementPence());
        assertEquals(3, p.halfDays());
        assertEquals(0, p.expensesPence());
        assertEquals(DAY, p.firstDate());
        assertEquals(DAY.plusDays(7), p.lastDate());
    }

    @Test
    void aMonthlyRolePaysOnceForTheMonthAndShowsTimeBeyondTheCap() {
        PaymentRecord p =
                PaymentCalculator.calculate(
                        claim(
                                InvolvementPayTest.LEP,
                                PaymentChoice.ACCEPTED,
                                List.of(new Session(DAY, 60), new Session(DAY.plusDays(10), 240)),
                                List.of(),
                                List.of(),
                                0),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(7500, p.involvementPence());
        assertEquals(60, p.minutesBeyondCap());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        PaymentCalculator.calculate(
                                claim(
                                        InvolvementPayTest.LEP,
                                        PaymentChoice.ACCEPTED,
                                        List.of(
                                                new Session(DAY, 60),
                                                new Session(DAY.plusMonths(1), 60)),
                                        List.of(),
                                        List.of(),
                                        0),
                                MileageRatesTest.HMRC,
                                NOW));
    }

    @Test
    void aPartnerWhoDeclinedIsPaidNoInvolvementButTheirExpenses() {
        PaymentRecord p =
                PaymentCalculator.calculate(
                        claim(
                                InvolvementPayTest.SCG,
                                PaymentChoice.DECLINED,
                                List.of(new Session(DAY, 300)),
                                List.of(new Expense(ExpenseKind.RAIL, DAY, 2340)),
                                List.of(new Journey(DAY, Vehicle.BICYCLE, 35)),
                                0),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(0, p.involvementPence());
        assertEquals(0, p.halfDays());
        assertEquals(2340 + 70, p.expensesPence());
    }

    @Test
    void journeysAreTakenInDateOrderAcrossTheThreshold() {
        PaymentRecord p =
                PaymentCalculator.calculate(
                        claim(
                                InvolvementPayTest.SCG,
                                PaymentChoice.ACCEPTED,
                                List.of(),
                                List.of(new Expense(ExpenseKind.PARKING, DAY, 450)),
                                List.of(
                                        new Journey(
                                                DAY.plusDays(1),
                                                Vehicle.CAR_OR_VAN,
                                                200), // 20 miles at 25p
                                        new Journey(
                                                DAY,
                                                Vehicle.CAR_OR_VAN,
                                                200), // 10 at 45p, 10 at 25p
                                        new Journey(DAY, Vehicle.MOTORCYCLE, 100)), // 10 at 24p
                                99_900),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(450 + (450 + 250) + 500 + 240, p.expensesPence());
        assertEquals(400, p.carTenths());
        assertEquals(0, p.involvementPence());
    }

    @Test
    void theJourneysOfOneClaimAreInOneTaxYear() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        claim(
                                InvolvementPayTest.SCG,
                                PaymentChoice.ACCEPTED,
                                List.of(),
                                List.of(),
                                List.of(
                                        new Journey(
                                                LocalDate.of(2027, 4, 5), Vehicle.CAR_OR_VAN, 10),
                                        new Journey(
                                                LocalDate.of(2027, 4, 6), Vehicle.CAR_OR_VAN, 10)),
                                0));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        claim(
                                InvolvementPayTest.SCG,
                                PaymentChoice.ACCEPTED,
                                List.of(),
                                List.of(),
                                List.of(),
                                0));
        assertThrows(IllegalArgumentException.class, () -> new Expense(ExpenseKind.TAXI, DAY, -1));
    }

    @Test
    void handlingAClaimTwiceRecordsItOnce() {
        InMemoryPayments payments = new InMemoryPayments();
        PaymentCalculator calculator =
                new PaymentCalculator(
                        payments, MileageRatesTest.HMRC, Clock.fixed(NOW, ZoneOffset.UTC));
        ApprovedClaim c =
                claim(
                        InvolvementPayTest.SCG,
                        PaymentChoice.ACCEPTED,
                        List.of(new Session(DAY, 300)),
                        List.of(),
                        List.of(),
                        0);
        assertEquals(PaymentCalculator.Outcome.RECORDED, calculator.handle(c));
        assertEquals(PaymentCalculator.Outcome.ALREADY_RECORDED, calculator.handle(c));
        assertEquals(1, payments.records.size());
        assertEquals(15000, payments.records.get("claim-1").involvementPence());
    }

    /** Retries compute the same payment: the amounts depend only on the claim and the rates. */
    @Test
    void calculatingAgainGivesTheSamePayment() {
        ApprovedClaim c =
                claim(
                        InvolvementPayTest.SCG,
                        PaymentChoice.ACCEPTED,
                        List.of(new Session(DAY, 100)),
                        List.of(new Expense(ExpenseKind.CARE, DAY, 3000)),
                        List.of(new Journey(DAY, Vehicle.CAR_OR_VAN, 123)),
                        5);
        assertEquals(
                PaymentCalculator.calculate(c, MileageRatesTest.HMRC, NOW),
                PaymentCalculator.calculate(c, MileageRatesTest.HMRC, NOW));
    }
}
