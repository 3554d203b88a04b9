package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Email;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.payments.Vehicle;
import org.involve.core.role.PaymentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoClaimsTest {
    static final LocalDate DAY = LocalDate.of(2027, 3, 3);
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final String queueUrl;
    private final List<String> warnings = new ArrayList<>();
    private final DynamoClaims claims;

    DynamoClaimsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.queueUrl = aws.queueUrl("PaymentsQueue");
        this.claims = claimsSendingTo(queueUrl);
    }

    private DynamoClaims claimsSendingTo(String url) {
        return new DynamoClaims(
                aws.dynamo(),
                aws.table("ClaimsTable"),
                outbox,
                () -> audit,
                new SqsPaymentsQueue(aws::sqs, url),
                warnings::add);
    }

    private static AuditEntry entry(Claim c, String what) {
        return new AuditEntry(
                "staff-0001", what, "claim#" + c.id(), Samples.NOW, null, c.status().name());
    }

    private Claim submitted() {
        Claim draft = Claim.draft(Samples.unique("claim"), "appt-1", "scg", null, Samples.NOW);
        assertTrue(claims.save(null, draft, entry(draft, "claim started")));
        Claim filled =
                draft.withContents(
                        List.of(new ApprovedClaim.Session(DAY, 300)),
                        List.of(),
                        List.of(new ApprovedClaim.Journey(DAY, Vehicle.CAR_OR_VAN, 123)));
        assertTrue(claims.save(draft, filled, entry(filled, "claim changed")));
        Claim sent = filled.submit(Samples.NOW);
        assertTrue(claims.save(filled, sent, entry(sent, "claim sent")));
        return sent;
    }

    private List<String> received() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++)
            aws
                    .sqs()
                    .receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()
                    .stream()
                    .map(Message::body)
                    .forEach(bodies::add);
        return bodies;
    }

    private static OutboxMessage letter(Claim c) {
        return new OutboxMessage(
                "claim-decided-" + c.id(),
                new Email("partner@example.org", "Your claim", "<p>x</p>", "x"),
                Samples.NOW,
                Samples.NOW,
                0,
                "claim-decided");
    }

    @Test
    void aDraftIsKeptThenSubmittedAndWaitsForStaff() {
        Claim sent = submitted();
        assertEquals(sent, claims.find(sent.id()).orElseThrow());
        assertTrue(claims.waiting().stream().anyMatch(c -> c.id().equals(sent.id())));
        assertEquals(3, audit.trailOf("claim#" + sent.id()).size());
    }

    @Test
    void aPartnersDraftIsFoundThroughTheDraftsIndexUntilItIsSent() {
        String appointment = Samples.unique("appt");
        Claim draft = Claim.draft(Samples.unique("claim"), appointment, "scg", null, Samples.NOW);
        assertEquals(List.of(), claims.drafts(appointment));
        assertTrue(claims.save(null, draft, entry(draft, "claim started")));
        Claim filled =
                draft.withContents(
                        List.of(new ApprovedClaim.Session(DAY, 90)), List.of(), List.of());
        assertTrue(claims.save(draft, filled, entry(filled, "claim changed")));
        assertEquals(List.of(filled), claims.drafts(appointment));
        assertEquals(List.of(), claims.drafts("appt-1"), "only that partner's drafts");

        Claim sent = filled.submit(Samples.NOW);
        assertTrue(claims.save(filled, sent, entry(sent, "claim sent")));
        assertEquals(List.of(), claims.drafts(appointment), "a sent claim is not a draft");
    }

    @Test
    void aChangeFromAStaleVersionIsRefused() {
        Claim sent = submitted();
        Claim stale = sent.reject("staff-0001", Samples.NOW, "no receipt");
        Claim first = sent.reject("staff-0002", Samples.NOW, "duplicate");
        assertTrue(claims.reject(sent, first, entry(first, "claim rejected"), letter(first)));
        assertFalse(claims.reject(sent, stale, entry(stale, "claim rejected"), letter(stale)));
        assertEquals("duplicate", claims.find(sent.id()).orElseThrow().rejectionReason());
        assertFalse(claims.waiting().stream().anyMatch(c -> c.id().equals(sent.id())));
    }

    @Test
    void anApprovalIsStoredWithItsAuditEntryAndLetterAndItsClaimGoesToThePaymentsQueue() {
        aws.sqs().purgeQueue(r -> r.queueUrl(queueUrl));
        Claim sent = submitted();
        Claim approved = sent.approve("staff-0001", Samples.NOW);
        ApprovedClaim payment =
                approved.forPayment(PaymentModel.dayRate(15000, 7500), PaymentChoice.ACCEPTED, 0);

        assertTrue(
                claims.approve(
                        sent,
                        approved,
                        entry(approved, "claim approved"),
                        letter(approved),
                        payment));

        assertEquals(ClaimStatus.APPROVED, claims.find(sent.id()).orElseThrow().status());
        assertTrue(outbox.find("claim-decided-" + sent.id()).isPresent());
        assertEquals(4, audit.trailOf("claim#" + sent.id()).size());
        assertEquals(List.of(payment), received().stream().map(PaymentBatch::read).toList());
        assertEquals(0, claims.sendWaitingPayments(), "sent, so nothing waits");
        assertFalse(claims.waiting().stream().anyMatch(c -> c.id().equals(sent.id())));
    }

    @Test
    void whenTheQueueCannotBeReachedTheApprovalKeepsItsMessageUntilItIsSent() {
        aws.sqs().purgeQueue(r -> r.queueUrl(queueUrl));
        DynamoClaims queueDown = claimsSendingTo(queueUrl + "-unreachable");
        Claim sent = submitted();
        Claim approved = sent.approve("staff-0001", Samples.NOW);
        ApprovedClaim payment =
                approved.forPayment(PaymentModel.dayRate(15000, 7500), PaymentChoice.ACCEPTED, 0);

        assertTrue(
                queueDown.approve(
                        sent, approved, entry(approved, "claim approved"), null, payment));
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains(sent.id()) && !warnings.get(0).contains("appt-1"));

        assertTrue(claims.sendWaitingPayments() >= 1);
        assertTrue(received().stream().map(PaymentBatch::read).toList().contains(payment));
        assertEquals(0, claims.sendWaitingPayments());
    }

    @Test
    void anApprovedClaimCannotBeApprovedTwice() {
        Claim sent = submitted();
        Claim approved = sent.approve("staff-0001", Samples.NOW);
        ApprovedClaim payment =
                approved.forPayment(PaymentModel.dayRate(15000, 7500), PaymentChoice.ACCEPTED, 0);
        assertTrue(
                claims.approve(sent, approved, entry(approved, "claim approved"), null, payment));
        assertFalse(
                claims.approve(
                        sent, approved, entry(approved, "claim approved again"), null, payment));
    }
}
