package org.involve.core.fakes;

import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;

/** Payments as tests set them up. */
public final class TestPayments {
    private TestPayments() {}

    /**
     * Stores {@code payment} if its claim has none yet, reading what was paid again as the calculator does when
     * another payment lands meanwhile; false, storing nothing, when the claim was paid before.
     */
    public static boolean recordOnce(Payments payments, PaymentRecord payment) {
        while (true) {
            Payments.Recorded r =
                    payments.record(payment, payments.paidSoFar(payment.appointmentId()));
            if (r != Payments.Recorded.PAID_SINCE) return r == Payments.Recorded.RECORDED;
        }
    }
}
