package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.kit.Refused;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.ApprovedClaim.ExpenseKind;
import org.junit.jupiter.api.Test;

class ClaimTest {
    static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");
    static final LocalDate DAY = LocalDate.of(2027, 3, 3);

    static Claim filled() {
        return Claim.draft("claim-1", "appt-1", "scg", null, NOW)
                .withContents(
                        List.of(new ApprovedClaim.Session(DAY, 300)),
                        List.of(
                                new Claim.ClaimExpense(
                                        ExpenseKind.RAIL, DAY, 2340, null, "receipt-1")),
                        List.of(new ApprovedClaim.Journey(DAY, Vehicle.CAR_OR_VAN, 123)));
    }

    @Test
    void aDraftIsKeptUntilSentAndThenWaitsForStaff() {
        Claim draft = filled();
        assertEquals(ClaimStatus.DRAFT, draft.status());
        Claim sent = draft.submit(NOW.plusSeconds(60));
        assertEquals(ClaimStatus.SUBMITTED, sent.status());
        assertEquals(NOW.plusSeconds(60), sent.submittedAt());
        assertTrue(sent.version() > draft.version());
    }

    @Test
    void anEmptyClaimCannotBeSent() {
        Refused r =
                assertThrows(
                        Refused.class, () -> Claim.draft("c", "a", "scg", null, NOW).submit(NOW));
        assertEquals("Add at least one thing to claim before you send the claim.", r.getMessage());
    }

    @Test
    void anApprovedClaimCannotBeEditedOrDecidedAgain() {
        Claim approved = filled().submit(NOW).approve("staff-0001", NOW.plusSeconds(5));
        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals("staff-0001", approved.decidedBy());
        Refused r =
                assertThrows(
                        Refused.class,
                        () -> approved.withContents(List.of(), List.of(), List.of()));
        assertTrue(r.getMessage().startsWith("This claim has been approved"), r.getMessage());
        assertThrows(Refused.class, () -> approved.approve("staff-0002", NOW));
        assertThrows(Refused.class, () -> approved.reject("staff-0002", NOW, "no"));
        assertThrows(
                Refused.class,
                () -> filled().submit(NOW).withContents(List.of(), List.of(), List.of()));
    }

    @Test
    void aRejectionNeedsAReason() {
        Claim sent = filled().submit(NOW);
        assertThrows(Refused.class, () -> sent.reject("staff-0001", NOW, "  "));
        Claim rejected = sent.reject("staff-0001", NOW, " No receipt for the rail fare ");
        assertEquals(ClaimStatus.REJECTED, rejected.status());
        assertEquals("No receipt for the rail fare", rejected.rejectionReason());
        assertThrows(Refused.class, () -> filled().reject("staff-0001", NOW, "not sent yet"));
    }

    @Test
    void onlyAnApprovedClaimGoesForPaymentWithWhatWasApproved() {
        assertThrows(
                IllegalStateException.class,
                () ->
                        filled().submit(NOW)
                                .forPayment(
                                        InvolvementPayTest.SCG,
                                        PaymentChoice.ACCEPTED,
                                        0,
                                        List.of(),
                                        null));
        ApprovedClaim paid =
                filled().submit(NOW)
                        .approve("staff-0001", NOW.plusSeconds(5))
                        .forPayment(
                                InvolvementPayTest.SCG,
                                PaymentChoice.DECLINED,
                                77,
                                List.of(),
                                null);
        assertEquals("claim-1", paid.claimId());
        assertEquals("staff-0001", paid.approvedBy());
        assertEquals(PaymentChoice.DECLINED, paid.choice());
        assertEquals(77, paid.earlierCarTenthsThisTaxYear());
        assertEquals(
                List.of(new ApprovedClaim.Expense(ExpenseKind.RAIL, DAY, 2340)), paid.expenses());
    }
}
