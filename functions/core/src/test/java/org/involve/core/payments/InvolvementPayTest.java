package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.InvolvementPay.Part;
import org.involve.core.payments.InvolvementPay.Reason;
import org.involve.core.role.PaymentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InvolvementPayTest {
    /** The Strategic Co-production Group: £150 a day, £75 a half day, 4 hours or more a full day. */
    static final PaymentModel SCG = PaymentModel.dayRate(15000, 7500);

    /** Listening Culture: £75 a month for the meeting and up to 4 hours. */
    static final PaymentModel LEP = PaymentModel.monthlyFixed(7500, 4);

    @ParameterizedTest(name = "{0} minutes: {1}, {2}p")
    @CsvSource({
        "1, HALF_DAY, 7500",
        "60, HALF_DAY, 7500",
        "239, HALF_DAY, 7500",
        "240, FULL_DAY, 15000",
        "241, FULL_DAY, 15000",
        "480, FULL_DAY, 15000",
        "1440, FULL_DAY, 15000",
        "0, NONE, 0"
    })
    void aDayOfFourHoursOrMoreIsAFullDay(int minutes, Part part, long pence) {
        InvolvementPay.DayPayment pay = InvolvementPay.day(SCG, PaymentChoice.ACCEPTED, minutes);
        assertEquals(part, pay.part());
        assertEquals(pence, pay.pence());
    }

    /** Property, over every minute of a day and several boundaries: full exactly at or above the boundary. */
    @Test
    void theBoundaryIsTheRolesSetting() {
        for (int boundary : new int[] {60, 180, 240, 300, 420}) {
            PaymentModel model =
                    new PaymentModel(PaymentModel.Kind.DAY_RATE, 20000, 9000, boundary, 0, 0);
            for (int m = 1; m <= 1440; m++) {
                InvolvementPay.DayPayment pay =
                        InvolvementPay.day(model, PaymentChoice.ACCEPTED, m);
                assertEquals(
                        m >= boundary ? Part.FULL_DAY : Part.HALF_DAY,
                        pay.part(),
                        boundary + "/" + m);
                assertEquals(m >= boundary ? 20000 : 9000, pay.pence());
                assertEquals(m >= boundary ? 2 : 1, pay.halfDays());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = PaymentChoice.class,
            names = {"DECLINED", "UNPAID_ROLE"})
    void aPartnerWhoDeclinedOrIsUnpaidGetsNothing(PaymentChoice choice) {
        for (int m = 0; m <= 1440; m += 30) {
            assertEquals(0, InvolvementPay.day(SCG, choice, m).pence());
            assertEquals(0, InvolvementPay.day(SCG, choice, m).halfDays());
            assertEquals(0, InvolvementPay.month(LEP, choice, m).pence());
        }
        assertEquals(
                Reason.DECLINED, InvolvementPay.day(SCG, PaymentChoice.DECLINED, 300).reason());
        assertEquals(
                Reason.UNPAID_ROLE,
                InvolvementPay.month(LEP, PaymentChoice.UNPAID_ROLE, 60).reason());
        assertEquals(
                Reason.UNPAID_ROLE,
                InvolvementPay.day(PaymentModel.unpaid(), PaymentChoice.ACCEPTED, 300).reason());
    }

    @ParameterizedTest(name = "{0} minutes in the month: {1}p, {2} covered, {3} beyond the cap")
    @CsvSource({
        "60, 7500, 60, 0", // the 1-hour meeting
        "240, 7500, 240, 0", // the meeting and preparation: exactly the cap
        "241, 7500, 240, 1",
        "360, 7500, 240, 120", // 2 hours beyond: shown, not paid
        "0, 0, 0, 0"
    })
    void aMonthPaysOnceUpToTheCap(int minutes, long pence, int covered, int beyond) {
        InvolvementPay.MonthPayment pay =
                InvolvementPay.month(LEP, PaymentChoice.ACCEPTED, minutes);
        assertEquals(pence, pay.pence());
        assertEquals(covered, pay.minutesCovered());
        assertEquals(beyond, pay.minutesBeyondCap());
        assertEquals(beyond > 0, pay.beyondCap());
    }

    /** Property: the month's payment never grows with time, and covered + beyond is all the time. */
    @Test
    void moreTimeInAMonthNeverPaysMore() {
        for (int m = 1; m <= 3000; m++) {
            InvolvementPay.MonthPayment pay = InvolvementPay.month(LEP, PaymentChoice.ACCEPTED, m);
            assertEquals(7500, pay.pence());
            assertEquals(m, pay.minutesCovered() + pay.minutesBeyondCap());
            assertTrue(pay.minutesCovered() <= 240);
        }
    }

    @Test
    void aModelPaysOnlyItsOwnWay() {
        assertEquals(
                Reason.NOT_THIS_MODEL,
                InvolvementPay.day(LEP, PaymentChoice.ACCEPTED, 300).reason());
        assertEquals(0, InvolvementPay.day(LEP, PaymentChoice.ACCEPTED, 300).pence());
        assertEquals(
                Reason.NOT_THIS_MODEL,
                InvolvementPay.month(SCG, PaymentChoice.ACCEPTED, 300).reason());
        assertEquals(0, InvolvementPay.month(SCG, PaymentChoice.ACCEPTED, 300).pence());
    }

    @Test
    void refusesNegativeTime() {
        assertThrows(
                IllegalArgumentException.class,
                () -> InvolvementPay.day(SCG, PaymentChoice.ACCEPTED, -1));
        assertThrows(
                IllegalArgumentException.class,
                () -> InvolvementPay.month(LEP, PaymentChoice.ACCEPTED, -1));
    }
}
