package org.involve.core.retention;

import java.time.LocalDate;
import java.util.List;
import org.involve.core.audit.AuditEntry;

/**
 * Payment records (with their claims) once tax law no longer needs them: found through a sparse index keyed by the
 * first day of the tax year after the one each was paid in ({@link org.involve.core.kit.Retention#afterTaxYearOf}),
 * written when the record is made, so the job reads only what is due. The records hold ids, amounts and dates; the
 * job reads their keys only.
 */
public interface PaymentRetention {
    /** Claim ids (a payment record's key) whose clock started on or before {@code lastStartDay}, at most {@code limit}. */
    List<String> paymentsDue(LocalDate lastStartDay, int limit);

    /**
     * Deletes the payment record and its claim with the audit entry, in one transaction, on condition the record's
     * clock still started on or before {@code lastStartDay}; false if it has gone.
     */
    boolean deletePayment(String claimId, LocalDate lastStartDay, AuditEntry entry);

    /** No payment records (for tests of the other kinds). */
    PaymentRetention NONE =
            new PaymentRetention() {
                @Override
                public List<String> paymentsDue(LocalDate lastStartDay, int limit) {
                    return List.of();
                }

                @Override
                public boolean deletePayment(
                        String claimId, LocalDate lastStartDay, AuditEntry entry) {
                    return false;
                }
            };
}
