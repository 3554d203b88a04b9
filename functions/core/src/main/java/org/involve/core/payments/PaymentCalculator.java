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
import java.util.function.Function;
import java.util.stream.Stream;
import org.involve.core.role.PaymentModel;

/**
 * Turns an approved claim into its one payment record. The sums depend on the claim, the mileage rates and the time
 * the partner was already paid for in its days and months; {@link Payments#record} keeps the first record, so a
 * retry or a duplicate delivery never pays twice.
 *
 * <p>Involvement is paid by the day (day rate) or by the month (monthly fixed), for all the time given that day or
 * month together, whichever claims it came in: time on a day or in a month already paid (the claim's {@code
 * earlierInvolvement}) is added to what was paid, and this claim pays only the difference. So 3 hours claimed and
 * then 1 more hour on the same day pays a half day and then the other half; a second claim in a month already paid
 * its monthly fixed payment pays nothing more.
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

    /**
     * Records the claim's payment once. The time already paid in its days and months is read again here, not only at
     * approval: a claim approved before an earlier one's payment was calculated (the queue was slow, or the two were
     * approved together) is still paid only what it adds. It is recorded on condition nothing else was paid to the
     * partner since that read; if something was, it is calculated again.
     */
    public Outcome handle(ApprovedClaim claim) {
        for (int attempt = 1; ; attempt++) {
            if (payments.forClaim(claim.claimId()).isPresent()) return Outcome.ALREADY_RECORDED;
            Payments.PaidSoFar paid = payments.paidSoFar(claim.appointmentId());
            ApprovedClaim now =
                    claim.withEarlierInvolvement(
                            paidTimeIn(claim.claimId(), claim.involvement(), paid.payments()));
            switch (payments.record(calculate(now, rates, clock.instant()), paid)) {
                case RECORDED:
                    return Outcome.RECORDED;
                case ALREADY_RECORDED:
                    return Outcome.ALREADY_RECORDED;
                case PAID_SINCE:
                    // Another payment to the partner was recorded meanwhile: calculate again from
                    // it.
                    if (attempt >= ATTEMPTS)
                        throw new IllegalStateException(
                                "The partner's payments kept changing while claim "
                                        + claim.claimId()
                                        + " was calculated");
            }
        }
    }

    /** How often a claim is calculated again when other payments to its partner keep being recorded meanwhile. */
    static final int ATTEMPTS = 5;

    /**
     * The time {@code earlier} payments (other than claim {@code claimId}'s own) covered in the months {@code
     * involvement} has time in: what {@link #calculate} adds a claim's time to, so a day or a month is paid once
     * whichever claims its time came in.
     */
    public static List<ApprovedClaim.Session> paidTimeIn(
            String claimId, List<ApprovedClaim.Session> involvement, List<PaymentRecord> earlier) {
        java.util.Set<YearMonth> months =
                involvement.stream()
                        .map(s -> YearMonth.from(s.date()))
                        .collect(java.util.stream.Collectors.toSet());
        return earlier.stream()
                .filter(p -> !p.claimId().equals(claimId))
                .flatMap(p -> p.involvement().stream())
                .filter(s -> months.contains(YearMonth.from(s.date())))
                .toList();
    }

    /**
     * The period whose time {@link #calculate} pays once, whichever claims it came in: the month for a monthly fixed
     * payment, otherwise the day.
     */
    public static Object paidOncePer(PaymentModel model, LocalDate date) {
        return model.kind() == PaymentModel.Kind.MONTHLY_FIXED ? YearMonth.from(date) : date;
    }

    /** The payment for {@code claim}: involvement by the role's model, expenses at cost, mileage at {@code rates}. */
    public static PaymentRecord calculate(ApprovedClaim claim, MileageRates rates, Instant now) {
        long involvement = 0;
        int beyondCap = 0;
        List<Guideline.PaidDay> days = new ArrayList<>();
        if (claim.model().kind() == PaymentModel.Kind.MONTHLY_FIXED) {
            Map<YearMonth, Integer> earlier =
                    minutesBy(claim.earlierInvolvement(), s -> YearMonth.from(s.date()));
            for (Map.Entry<YearMonth, Integer> month :
                    minutesBy(claim.involvement(), s -> YearMonth.from(s.date())).entrySet()) {
                int before = earlier.getOrDefault(month.getKey(), 0);
                InvolvementPay.MonthPayment paid =
                        InvolvementPay.month(claim.model(), claim.choice(), before);
                InvolvementPay.MonthPayment together =
                        InvolvementPay.month(
                                claim.model(), claim.choice(), before + month.getValue());
                involvement =
                        Math.addExact(involvement, difference(together.pence(), paid.pence()));
                beyondCap += together.minutesBeyondCap() - paid.minutesBeyondCap();
            }
        } else {
            Map<LocalDate, Integer> earlier =
                    minutesBy(claim.earlierInvolvement(), ApprovedClaim.Session::date);
            for (Map.Entry<LocalDate, Integer> day :
                    minutesBy(claim.involvement(), ApprovedClaim.Session::date).entrySet()) {
                int before = earlier.getOrDefault(day.getKey(), 0);
                InvolvementPay.DayPayment paid =
                        InvolvementPay.day(claim.model(), claim.choice(), before);
                InvolvementPay.DayPayment together =
                        InvolvementPay.day(claim.model(), claim.choice(), before + day.getValue());
                involvement =
                        Math.addExact(involvement, difference(together.pence(), paid.pence()));
                int halves = together.halfDays() - paid.halfDays();
                if (halves > 0) days.add(new Guideline.PaidDay(day.getKey(), halves));
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
                now,
                claim.involvement(),
                journeys.isEmpty() ? null : journeys.get(0).date(),
                claim.payrollReference());
    }

    /** What is still to pay; never less than nothing (the role's rates may have been lower when it was paid). */
    private static long difference(long together, long paid) {
        return Math.max(0, together - paid);
    }

    /** Minutes added up by day or by month, in date order. */
    private static <K extends Comparable<? super K>> Map<K, Integer> minutesBy(
            List<ApprovedClaim.Session> sessions, Function<ApprovedClaim.Session, K> by) {
        Map<K, Integer> minutes = new TreeMap<>();
        for (ApprovedClaim.Session s : sessions)
            minutes.merge(by.apply(s), s.minutes(), Integer::sum);
        return minutes;
    }
}
