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
        assertTrue(Samples.waiting(claims).stream().anyMatch(c -> c.id().equals(sent.id())));
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
        assertFalse(Samples.waiting(claims).stream().anyMatch(c -> c.id().equals(sent.id())));
    }

    @Test
    void anApprovalIsStoredWithItsAuditEntryAndLetterAndItsClaimGoesToThePaymentsQueue() {
        aws.sqs().purgeQueue(r -> r.queueUrl(queueUrl));
        Claim sent = submitted();
        Claim approved = sent.approve("staff-0001", Samples.NOW);
        ApprovedClaim payment =
                approved.forPayment(
                        PaymentModel.dayRate(15000, 7500),
                        PaymentChoice.ACCEPTED,
                        0,
                        List.of(),
                        null);

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
        assertFalse(Samples.waiting(claims).stream().anyMatch(c -> c.id().equals(sent.id())));
    }

    @Test
    void whenTheQueueCannotBeReachedTheApprovalKeepsItsMessageUntilItIsSent() {
        aws.sqs().purgeQueue(r -> r.queueUrl(queueUrl));
        DynamoClaims queueDown = claimsSendingTo(queueUrl + "-unreachable");
        Claim sent = submitted();
        Claim approved = sent.approve("staff-0001", Samples.NOW);
        ApprovedClaim payment =
                approved.forPayment(
                        PaymentModel.dayRate(15000, 7500),
                        PaymentChoice.ACCEPTED,
                        0,
                        List.of(),
                        null);

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
                approved.forPayment(
                        PaymentModel.dayRate(15000, 7500),
                        PaymentChoice.ACCEPTED,
                        0,
                        List.of(),
                        null);
        assertTrue(
                claims.approve(sent, approved, entry(approved, "claim approved"), null, payment));
        assertFalse(
                claims.approve(
                        sent, approved, entry(approved, "claim approved again"), null, payment));
    }

    /** A claim sent at {@code at}, straight to waiting. */
    private Claim sentAt(java.time.Instant at) {
        Claim draft = Claim.draft(Samples.unique("claim"), "appt-1", "scg", null, at);
        Claim sent =
                draft.withContents(
                                List.of(new ApprovedClaim.Session(DAY, 300)), List.of(), List.of())
                        .submit(at);
        assertTrue(claims.save(null, sent, entry(sent, "claim sent")));
        return sent;
    }

    private List<String> waitingIds(org.involve.core.kit.Paging.Cursor c) {
        return claims.waiting(c, org.involve.core.payments.ClaimDesk.PAGE_SIZE + 1).stream()
                .map(Claim::id)
                .toList();
    }

    @Test
    void theWaitingQueueIsReadOldestFirstAPageAndOneAtATime() {
        int page = org.involve.core.payments.ClaimDesk.PAGE_SIZE;
        // Sent long before any other test's claims, so they head the queue.
        java.time.Instant from = java.time.Instant.parse("1990-01-01T00:00:00Z");
        List<Claim> sent = new ArrayList<>();
        for (int i = 0; i <= page + 1; i++) sent.add(sentAt(from.plusSeconds(60L * i)));
        List<String> ids = sent.stream().map(Claim::id).toList();
        var first = org.involve.core.kit.Paging.Cursor.first();

        assertEquals(ids.subList(0, page + 1), waitingIds(first), "a page and one, oldest first");
        var next =
                org.involve.core.kit.Paging.Cursor.after(
                        org.involve.core.payments.ClaimDesk.key(sent.get(page - 1)));
        assertEquals(ids.subList(page, page + 2), waitingIds(next).subList(0, 2));
        var before =
                org.involve.core.kit.Paging.Cursor.before(
                        org.involve.core.payments.ClaimDesk.key(sent.get(page)));
        assertEquals(
                reversed(ids.subList(0, page)),
                waitingIds(before),
                "before a claim: nearest first, to the start");
        assertEquals(
                List.of(),
                waitingIds(
                        org.involve.core.kit.Paging.Cursor.before(
                                org.involve.core.payments.ClaimDesk.key(sent.get(0)))));

        // The claim the cursor names is decided meanwhile: the page still starts after where it
        // was.
        Claim decided = sent.get(page - 1);
        Claim rejected = decided.reject("staff-0001", Samples.NOW, "Not ours");
        assertTrue(claims.reject(decided, rejected, entry(rejected, "claim rejected"), null));
        assertEquals(ids.subList(page, page + 2), waitingIds(next).subList(0, 2));
        assertFalse(waitingIds(first).contains(decided.id()));
    }

    private static List<String> reversed(List<String> l) {
        List<String> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }
}
