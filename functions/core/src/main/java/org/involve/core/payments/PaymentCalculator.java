package org.involve.core.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.involve.core.role.PaymentModel;

/**
 * Turns an approved claim into its one payment record. The sums depend only on the claim and the mileage rates, so
 * every retry computes the same payment; {@link Payments#recordOnce} keeps the first.
 */
public final class PaymentCalculator {
    /** What happened to one approved claim. */
    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED
    }

    private final Payments payments;
    private final MileageRates rates;
    private final Clock clock;

    public PaymentCalculator(Payments payments, MileageRates rates, Clock clock) {
        this.payments = payments;
        this.rates = rates;
        this.clock = clock;
    }

    public Outcome handle(ApprovedClaim claim) {
        if (payments.forClaim(claim.claimId()).isPresent()) return Outcome.ALREADY_RECORDED;
        return payments.recordOnce(calculate(claim, rates, clock.instant()))
                ? Outcome.RECORDED
                : Outcome.ALREADY_RECORDED;
    }

    /** The payment for {@code claim}: involvement by the role's model, expenses at cost, mileage at {@code rates}. */
    public static PaymentRecord calculate(ApprovedClaim claim, MileageRates rates, Instant now) {
        long involvement = 0;
        int beyondCap = 0;
        List<Guideline.PaidDay> days = new ArrayList<>();
        if (!claim.involvement().isEmpty()) {
            if (claim.model().kind() == PaymentModel.Kind.MONTHLY_FIXED) {
                var months =
                        claim.involvement().stream()
                                .map(s -> YearMonth.from(s.date()))
                                .distinct()
                                .count();
                if (months != 1)
                    throw new IllegalArgumentException(
                            "A monthly payment covers the sessions of one month");
                int minutes =
                        claim.involvement().stream().mapToInt(ApprovedClaim.Session::minutes).sum();
                InvolvementPay.MonthPayment pay =
                        InvolvementPay.month(claim.model(), claim.choice(), minutes);
                involvement = pay.pence();
                beyondCap = pay.minutesBeyondCap();
            } else {
                Map<LocalDate, Integer> byDay = new TreeMap<>();
                for (ApprovedClaim.Session s : claim.involvement())
                    byDay.merge(s.date(), s.minutes(), Integer::sum);
                for (Map.Entry<LocalDate, Integer> day : byDay.entrySet()) {
                    InvolvementPay.DayPayment pay =
                            InvolvementPay.day(claim.model(), claim.choice(), day.getValue());
                    involvement = Math.addExact(involvement, pay.pence());
                    if (pay.halfDays() > 0)
                        days.add(new Guideline.PaidDay(day.getKey(), pay.halfDays()));
                }
            }
        }
        long expenses = 0;
        for (ApprovedClaim.Expense e : claim.expenses())
            expenses = Math.addExact(expenses, e.pence());
        long earlierCar = claim.earlierCarTenthsThisTaxYear(), carTenths = 0;
        List<ApprovedClaim.Journey> journeys = new ArrayList<>(claim.journeys());
        journeys.sort(Comparator.comparing(ApprovedClaim.Journey::date));
        for (ApprovedClaim.Journey j : journeys) {
            expenses =
                    Math.addExact(expenses, rates.pay(j.vehicle(), j.tenths(), earlierCar).pence());
            if (j.vehicle() == Vehicle.CAR_OR_VAN) {
                earlierCar += j.tenths();
                carTenths += j.tenths();
            }
        }
        List<LocalDate> dates =
                Stream.of(
                                claim.involvement().stream().map(ApprovedClaim.Session::date),
                                claim.expenses().stream().map(ApprovedClaim.Expense::date),
                                claim.journeys().stream().map(ApprovedClaim.Journey::date))
                        .flatMap(s -> s)
                        .sorted()
                        .toList();
        return new PaymentRecord(
                claim.claimId(),
                claim.appointmentId(),
                claim.roleId(),
                involvement,
                days,
                beyondCap,
                expenses,
                carTenths,
                dates.get(0),
                dates.get(dates.size() - 1),
                now);
    }
}
