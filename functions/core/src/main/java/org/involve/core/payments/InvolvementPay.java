package org.involve.core.payments;

import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.PaymentModel;

/**
 * What involvement pays under the role's model. A partner who declined payment (or holds an unpaid role) is paid
 * nothing here; their expenses are still reimbursed, which is not this class's business.
 */
public final class InvolvementPay {
    private InvolvementPay() {}

    /** How much of a day's rate a day earns. */
    public enum Part {
        FULL_DAY,
        HALF_DAY,
        NONE
    }

    /** Why a day or month pays nothing, or {@code PAID} when it pays. */
    public enum Reason {
        PAID,
        DECLINED,
        UNPAID_ROLE,
        NOT_THIS_MODEL,
        NO_TIME
    }

    /**
     * One day's involvement on a day-rate role: the minutes are all the partner's involvement that day added together
     * (two meetings on one day make one day). At or above the role's full-day boundary (a setting, 4 hours unless
     * the role says otherwise) it pays a full day; any time below it pays a half day.
     */
    public record DayPayment(Part part, long pence, Reason reason) {
        /** A full day counts 2 halves, a half day 1: the days-a-month guideline adds these up. */
        public int halfDays() {
            return switch (part) {
                case FULL_DAY -> 2;
                case HALF_DAY -> 1;
                case NONE -> 0;
            };
        }
    }

    /**
     * One month on a monthly-fixed role: one payment covering the meeting and up to the role's hours. Minutes beyond
     * the cap are shown to staff and the partner and are not paid: the month's payment stays the same.
     */
    public record MonthPayment(
            long pence, int minutesCovered, int minutesBeyondCap, Reason reason) {
        public boolean beyondCap() {
            return minutesBeyondCap > 0;
        }
    }

    public static DayPayment day(PaymentModel model, PaymentChoice choice, int minutesThatDay) {
        if (minutesThatDay < 0) throw new IllegalArgumentException("Time is never negative");
        Reason refused = refused(model, choice, PaymentModel.Kind.DAY_RATE);
        if (refused != null) return new DayPayment(Part.NONE, 0, refused);
        if (minutesThatDay == 0) return new DayPayment(Part.NONE, 0, Reason.NO_TIME);
        return model.halfDays(minutesThatDay) == 2
                ? new DayPayment(Part.FULL_DAY, model.fullDayPence(), Reason.PAID)
                : new DayPayment(Part.HALF_DAY, model.halfDayPence(), Reason.PAID);
    }

    public static MonthPayment month(PaymentModel model, PaymentChoice choice, int minutesInMonth) {
        if (minutesInMonth < 0) throw new IllegalArgumentException("Time is never negative");
        int cap = model.monthlyHoursIncluded() * 60;
        int covered = Math.min(minutesInMonth, cap);
        int beyond = minutesInMonth - covered;
        Reason refused = refused(model, choice, PaymentModel.Kind.MONTHLY_FIXED);
        if (refused != null) return new MonthPayment(0, covered, beyond, refused);
        if (minutesInMonth == 0) return new MonthPayment(0, 0, 0, Reason.NO_TIME);
        return new MonthPayment(model.monthlyPence(), covered, beyond, Reason.PAID);
    }

    private static Reason refused(
            PaymentModel model, PaymentChoice choice, PaymentModel.Kind kind) {
        if (model.kind() == PaymentModel.Kind.UNPAID || choice == PaymentChoice.UNPAID_ROLE)
            return Reason.UNPAID_ROLE;
        if (choice == PaymentChoice.DECLINED) return Reason.DECLINED;
        if (model.kind() != kind) return Reason.NOT_THIS_MODEL;
        return null;
    }
}
