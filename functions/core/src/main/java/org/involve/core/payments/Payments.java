package org.involve.core.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: where payment records are kept, one per approved claim. */
public interface Payments {
    /**
     * What a partner has been paid so far, and the version of that: every payment recorded before this read is in it,
     * even one an index has not caught up with yet.
     */
    record PaidSoFar(List<PaymentRecord> payments, long version) {
        public PaidSoFar {
            payments = List.copyOf(payments);
        }
    }

    /** What {@link #record} did. */
    enum Recorded {
        RECORDED,
        /** The claim's payment was recorded before: nothing stored. */
        ALREADY_RECORDED,
        /** Another payment to the partner was recorded since {@code basis} was read: nothing stored, read again. */
        PAID_SINCE
    }

    /** Every payment to the partner of {@code appointmentId} so far, oldest first, with its version. */
    PaidSoFar paidSoFar(String appointmentId);

    /**
     * Stores {@code payment} on condition its claim has none yet and nothing else was paid to its partner since {@code
     * basis} was read, so two claims calculated at once, or one after the other before an index caught up, never both
     * pay the same day or month.
     */
    Recorded record(PaymentRecord payment, PaidSoFar basis);

    Optional<PaymentRecord> forClaim(String claimId);

    /**
     * Puts every payment not yet in a payroll export into export {@code exportId}, and returns all the payments of that
     * export. Each payment joins exactly one export (the move is conditional on it being in none), so two exports
     * running at once share nothing, and running the same export again returns the same payments plus any approved
     * since. A payment calculated later goes into the next export.
     *
     * <p>{@code paidBy} is the last day the export is paid on (the end of its payroll month): each payment's retention
     * clock then runs from the end of that day's tax year, as tax law counts from the tax year a payment was paid in,
     * which can be the one after it was calculated in.
     */
    List<PaymentRecord> export(String exportId, LocalDate paidBy);

    /** The payments of one payroll export, oldest first: a query on an index, never a scan. */
    List<PaymentRecord> inExport(String exportId);

    /** Every payment of one appointment, oldest first: a query on an index, never a scan. */
    List<PaymentRecord> forAppointment(String appointmentId);
}
