package org.involve.core.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.Words;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.PaymentModel;

/**
 * What staff see before approving a claim (and the partner sees with it): the payment it would make and the
 * warnings, in words. Warnings never stop an approval.
 *
 * @param preview  the payment this claim makes if approved now
 * @param days     the days this claim pays, in halves, for the guideline
 * @param warnings the guideline and the monthly cap, in plain words
 */
public record ClaimReview(
        PaymentRecord preview, List<Guideline.PaidDay> days, List<String> warnings) {
    private static final Words WORDS = Words.of("payments");

    /**
     * @param earlierDays the partner's days already paid (the guideline looks at the 12 months to this claim's month)
     * @param started     when the partner started in the role
     * @param daysPerYear the most days a year the role asks for, 0 for none
     */
    public static ClaimReview of(
            Claim claim,
            PaymentModel model,
            PaymentChoice choice,
            long earlierCarTenths,
            List<ApprovedClaim.Session> earlierInvolvement,
            MileageRates rates,
            Guideline guideline,
            List<Guideline.PaidDay> earlierDays,
            LocalDate started,
            int daysPerYear,
            Instant now) {
        ApprovedClaim asIfApproved =
                new ApprovedClaim(
                        claim.id(),
                        claim.appointmentId(),
                        claim.roleId(),
                        "review",
                        now,
                        model,
                        choice,
                        claim.involvement(),
                        claim.expenses().stream()
                                .map(e -> new ApprovedClaim.Expense(e.kind(), e.date(), e.pence()))
                                .toList(),
                        claim.journeys(),
                        earlierCarTenths,
                        earlierInvolvement,
                        null);
        PaymentRecord preview = PaymentCalculator.calculate(asIfApproved, rates, now);
        List<Guideline.PaidDay> days = preview.days();
        List<String> warnings = new ArrayList<>();
        if (!days.isEmpty()) {
            List<Guideline.PaidDay> all = new ArrayList<>(earlierDays);
            all.addAll(days);
            YearMonth month = YearMonth.from(days.get(days.size() - 1).date());
            for (Guideline.Warning w : guideline.check(all, month, started, daysPerYear))
                warnings.add(
                        switch (w.kind()) {
                            case MONTHLY_AVERAGE ->
                                    WORDS.format(
                                            "warning.monthlyAverage",
                                            "months",
                                            w.months(),
                                            "days",
                                            halves(w.halfDays()),
                                            "limit",
                                            halves(w.limitHalfDays()),
                                            "perMonth",
                                            guideline.averageFullDaysPerMonth());
                            case DAYS_A_YEAR ->
                                    WORDS.format(
                                            "warning.daysAYear",
                                            "months",
                                            w.months(),
                                            "days",
                                            halves(w.halfDays()),
                                            "limit",
                                            halves(w.limitHalfDays()));
                        });
        }
        if (choice == PaymentChoice.ACCEPTED
                && model.isPaid()
                && addsToPaidTime(claim, model, earlierInvolvement))
            warnings.add(
                    WORDS.get(
                            model.kind() == PaymentModel.Kind.MONTHLY_FIXED
                                    ? "warning.monthAlreadyPaid"
                                    : "warning.dayAlreadyPaid"));
        if (preview.minutesBeyondCap() > 0)
            warnings.add(
                    WORDS.format(
                            "warning.beyondCap",
                            "hours",
                            hoursAndMinutes(preview.minutesBeyondCap())));
        return new ClaimReview(preview, List.copyOf(days), List.copyOf(warnings));
    }

    /** Whether some of the claim's time is on a day (or in a month, for a monthly role) an earlier claim paid. */
    private static boolean addsToPaidTime(
            Claim claim, PaymentModel model, List<ApprovedClaim.Session> earlier) {
        java.util.function.Function<ApprovedClaim.Session, Object> period =
                s -> PaymentCalculator.paidOncePer(model, s.date());
        var paid = earlier.stream().map(period).collect(java.util.stream.Collectors.toSet());
        return claim.involvement().stream().map(period).anyMatch(paid::contains);
    }

    /** 5 halves as "2.5", 4 as "2". */
    static String halves(int halves) {
        return halves / 2 + (halves % 2 == 1 ? ".5" : "");
    }

    static String hoursAndMinutes(int minutes) {
        int h = minutes / 60, m = minutes % 60;
        Words meetings = Words.of("meetings");
        String hours =
                h == 0
                        ? ""
                        : h == 1
                                ? meetings.get("length.hour")
                                : meetings.format("length.hours", "count", h);
        String mins = m == 0 ? "" : meetings.format("length.minutes", "count", m);
        return (hours + " " + mins).strip();
    }
}
