package org.involve.core.payments;

import java.util.List;
import java.util.Optional;

/** Port: where payment records are kept, one per approved claim. */
public interface Payments {
    /**
     * Stores {@code payment} if its claim has none yet; returns false, storing nothing, when it has. Two calls for one
     * claim, however they race, store exactly one record.
     */
    boolean recordOnce(PaymentRecord payment);

    Optional<PaymentRecord> forClaim(String claimId);

    /** Every payment of one appointment, oldest first: a query on an index, never a scan. */
    List<PaymentRecord> forAppointment(String appointmentId);
}
