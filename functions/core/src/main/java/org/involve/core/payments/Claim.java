package org.involve.core.payments;

import java.time.Instant;
import java.util.List;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.PaymentModel;

/**
 * A claim for involvement payments and expenses, from recorded attendance, from the partner's signed link, or by
 * staff for a partner who chose telephone or post. Kept as a draft while half-made; once submitted, staff approve or
 * reject it. An approved claim is never edited: a correction is a new claim.
 *
 * @param onBehalfOf the staff member who made it for the partner, or null when the partner made it
 * @param version    counts the changes, so two people deciding at once cannot overwrite each other
 */
public record Claim(
        String id,
        String appointmentId,
        String roleId,
        ClaimStatus status,
        List<ApprovedClaim.Session> involvement,
        List<ClaimExpense> expenses,
        List<ApprovedClaim.Journey> journeys,
        String onBehalfOf,
        Instant createdAt,
        Instant submittedAt,
        String decidedBy,
        Instant decidedAt,
        String rejectionReason,
        long version) {
    private static final Words WORDS = Words.of("payments");

    public Claim {
        if (id == null
                || appointmentId == null
                || roleId == null
                || status == null
                || createdAt == null)
            throw new IllegalArgumentException("A claim is missing a required value");
        involvement = List.copyOf(involvement == null ? List.of() : involvement);
        expenses = List.copyOf(expenses == null ? List.of() : expenses);
        journeys = List.copyOf(journeys == null ? List.of() : journeys);
    }

    /** A receipted expense as claimed: taxi and parking need a reason; the receipt is a key in the receipts bucket. */
    public record ClaimExpense(
            ApprovedClaim.ExpenseKind kind,
            java.time.LocalDate date,
            long pence,
            String reason,
            String receiptKey) {
        public ClaimExpense {
            if (kind == null || date == null || pence < 0)
                throw new IllegalArgumentException("An expense has a kind, a date and an amount");
        }

        public boolean needsReason() {
            return kind == ApprovedClaim.ExpenseKind.TAXI
                    || kind == ApprovedClaim.ExpenseKind.PARKING;
        }
    }

    public static Claim draft(
            String id, String appointmentId, String roleId, String onBehalfOf, Instant now) {
        return new Claim(
                id,
                appointmentId,
                roleId,
                ClaimStatus.DRAFT,
                List.of(),
                List.of(),
                List.of(),
                onBehalfOf,
                now,
                null,
                null,
                null,
                null,
                0);
    }

    /** The costs that need a receipt and have none: staff are warned (never stopped) when they decide. */
    public List<ClaimExpense> missingReceipts() {
        return expenses.stream()
                .filter(e -> e.kind().needsReceipt() && e.receiptKey() == null)
                .toList();
    }

    /** The keys of this claim's receipts in the receipts store. */
    public List<String> receiptKeys() {
        return expenses.stream().map(ClaimExpense::receiptKey).filter(k -> k != null).toList();
    }

    public boolean isEmpty() {
        return involvement.isEmpty() && expenses.isEmpty() && journeys.isEmpty();
    }

    /** The same claim with other contents: only a draft can change; an approved claim never does. */
    public Claim withContents(
            List<ApprovedClaim.Session> involvement,
            List<ClaimExpense> expenses,
            List<ApprovedClaim.Journey> journeys) {
        if (status != ClaimStatus.DRAFT)
            throw new Refused(
                    WORDS.get(
                            status == ClaimStatus.APPROVED
                                    ? "error.approvedNotEditable"
                                    : "error.notWaiting"));
        return new Claim(
                id,
                appointmentId,
                roleId,
                status,
                involvement,
                expenses,
                journeys,
                onBehalfOf,
                createdAt,
                submittedAt,
                decidedBy,
                decidedAt,
                rejectionReason,
                version + 1);
    }

    public Claim submit(Instant now) {
        if (status != ClaimStatus.DRAFT) throw new Refused(WORDS.get("error.notWaiting"));
        if (isEmpty()) throw new Refused(WORDS.get("error.nothingClaimed"));
        return next(ClaimStatus.SUBMITTED, now, null, null, null);
    }

    public Claim approve(String staffId, Instant now) {
        if (status != ClaimStatus.SUBMITTED) throw new Refused(WORDS.get("error.notWaiting"));
        return next(ClaimStatus.APPROVED, submittedAt, staffId, now, null);
    }

    public Claim reject(String staffId, Instant now, String reason) {
        if (status != ClaimStatus.SUBMITTED) throw new Refused(WORDS.get("error.notWaiting"));
        if (reason == null || reason.isBlank()) throw new Refused(WORDS.get("error.rejectReason"));
        return next(ClaimStatus.REJECTED, submittedAt, staffId, now, reason.strip());
    }

    /**
     * What the payments queue carries for this approved claim: its contents with the role's model and the partner's
     * choice as they are at approval, and the car or van miles already paid in the tax year.
     */
    public ApprovedClaim forPayment(
            PaymentModel model,
            PaymentChoice choice,
            long earlierCarTenths,
            List<ApprovedClaim.Session> earlierInvolvement,
            String payrollReference) {
        if (status != ClaimStatus.APPROVED)
            throw new IllegalStateException("Only an approved claim is paid");
        return new ApprovedClaim(
                id,
                appointmentId,
                roleId,
                decidedBy,
                decidedAt,
                model,
                choice,
                involvement,
                expenses.stream()
                        .map(e -> new ApprovedClaim.Expense(e.kind(), e.date(), e.pence()))
                        .toList(),
                journeys,
                earlierCarTenths,
                earlierInvolvement,
                payrollReference);
    }

    private Claim next(
            ClaimStatus to, Instant submitted, String by, Instant decided, String reason) {
        return new Claim(
                id,
                appointmentId,
                roleId,
                to,
                involvement,
                expenses,
                journeys,
                onBehalfOf,
                createdAt,
                submitted == null ? decided : submitted,
                by,
                decided,
                reason,
                version + 1);
    }
}
