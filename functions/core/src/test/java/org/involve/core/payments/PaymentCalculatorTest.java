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
    }

    /** One claim with time in two months (31 March and 1 April) pays each month once: staff can still decide it. */
    @Test
    void aMonthlyClaimAcrossTwoMonthsPaysEachMonth() {
        PaymentRecord p =
                PaymentCalculator.calculate(
                        claim(
                                InvolvementPayTest.LEP,
                                PaymentChoice.ACCEPTED,
                                List.of(
                                        new Session(LocalDate.of(2027, 3, 31), 60),
                                        new Session(LocalDate.of(2027, 4, 1), 300)),
                                List.of(),
                                List.of(),
                                0),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(7500 + 7500, p.involvementPence());
        assertEquals(60, p.minutesBeyondCap(), "April's 5 hours are 1 beyond its 4");
    }

    /** A month already paid by an earlier claim is not paid again: its time is added to what that claim covered. */
    @Test
    void aSecondClaimInAMonthAlreadyPaidPaysNothingMoreForIt() {
        PaymentRecord p =
                PaymentCalculator.calculate(
                        later(
                                InvolvementPayTest.LEP,
                                List.of(new Session(DAY.plusDays(5), 120)),
                                List.of(new Session(DAY, 180))),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(0, p.involvementPence());
        assertEquals(60, p.minutesBeyondCap(), "3 hours paid, then 2 more: 1 beyond the 4");
        PaymentRecord nextMonth =
                PaymentCalculator.calculate(
                        later(
                                InvolvementPayTest.LEP,
                                List.of(new Session(DAY.plusMonths(1), 60)),
                                List.of(new Session(DAY, 180))),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(7500, nextMonth.involvementPence());
    }

    /**
     * A day's time is paid once, whichever claims it came in: 4 hours and then 1 more hour on the same day is one full
     * day (the second claim pays nothing); 3 hours and then 1 more is a half day and then the other half.
     */
    @Test
    void timeOnADayAlreadyPaidOnlyTopsTheDayUp() {
        PaymentRecord afterAFullDay =
                PaymentCalculator.calculate(
                        later(
                                InvolvementPayTest.SCG,
                                List.of(new Session(DAY, 60)),
                                List.of(new Session(DAY, 240))),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(0, afterAFullDay.involvementPence());
        assertEquals(List.of(), afterAFullDay.days(), "no more days for the guideline");
        PaymentRecord afterAHalfDay =
                PaymentCalculator.calculate(
                        later(
                                InvolvementPayTest.SCG,
                                List.of(new Session(DAY, 60), new Session(DAY.plusDays(1), 60)),
                                List.of(new Session(DAY, 180))),
                        MileageRatesTest.HMRC,
                        NOW);
        assertEquals(
                (15000 - 7500) + 7500,
                afterAFullDay.involvementPence() + afterAHalfDay.involvementPence());
        assertEquals(
                List.of(new Guideline.PaidDay(DAY, 1), new Guideline.PaidDay(DAY.plusDays(1), 1)),
                afterAHalfDay.days());
        assertEquals(
                List.of(new Session(DAY, 60), new Session(DAY.plusDays(1), 60)),
                afterAHalfDay.involvement(),
                "the record keeps the time it paid, for the next claim");
    }

    private static ApprovedClaim later(
            PaymentModel model, List<Session> sessions, List<Session> earlier) {
        return new ApprovedClaim(
                "claim-2",
                "appt-1",
                "scg",
                "staff-0001",
                NOW,
                model,
                PaymentChoice.ACCEPTED,
                sessions,
                List.of(),
                List.of(),
                0,
                earlier,
                "INV-TEST-0001");
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

    /**
     * Two claims for the same day calculated at once (two consumers, or an index behind the first one's write): the one
     * that reads before the other records, and records second, is refused and calculated again from what the other
     * paid, so the day is paid once.
     */
    @Test
    void aPaymentRecordedMeanwhileIsReadAgainAndTheDayIsPaidOnce() {
        InMemoryPayments stored = new InMemoryPayments();
        ApprovedClaim other =
                later(InvolvementPayTest.SCG, List.of(new Session(DAY, 240)), List.of());
        int[] tries = {0};
        Payments racing =
                new Payments() {
                    @Override
                    public Recorded record(PaymentRecord payment, PaidSoFar basis) {
                        // The other claim's payment lands between this one's reading and its write.
                        if (tries[0]++ == 0)
                            assertEquals(
                                    Recorded.RECORDED,
                                    stored.record(
                                            PaymentCalculator.calculate(
                                                    other, MileageRatesTest.HMRC, NOW),
                                            stored.paidSoFar("appt-1")));
                        return stored.record(payment, basis);
                    }

                    @Override
                    public PaidSoFar paidSoFar(String appointmentId) {
                        return stored.paidSoFar(appointmentId);
                    }

                    @Override
                    public java.util.Optional<PaymentRecord> forClaim(String claimId) {
                        return stored.forClaim(claimId);
                    }

                    @Override
                    public List<PaymentRecord> export(String exportId, LocalDate paidBy) {
                        return stored.export(exportId, paidBy);
                    }

                    @Override
                    public List<PaymentRecord> inExport(String exportId) {
                        return stored.inExport(exportId);
                    }

                    @Override
                    public List<PaymentRecord> forAppointment(String appointmentId) {
                        return stored.forAppointment(appointmentId);
                    }
                };
        PaymentCalculator calculator =
                new PaymentCalculator(
                        racing, MileageRatesTest.HMRC, Clock.fixed(NOW, ZoneOffset.UTC));
        ApprovedClaim c =
                claim(
                        InvolvementPayTest.SCG,
                        PaymentChoice.ACCEPTED,
                        List.of(new Session(DAY, 300)),
                        List.of(),
                        List.of(),
                        0);

        assertEquals(PaymentCalculator.Outcome.RECORDED, calculator.handle(c));

        assertEquals(2, tries[0], "refused once, then recorded from what the other paid");
        assertEquals(15000, stored.records.get("claim-2").involvementPence());
        assertEquals(
                0, stored.records.get("claim-1").involvementPence(), "the day was paid already");
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
