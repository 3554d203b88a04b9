package org.involve.core.payments;

import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Paging;
import org.involve.core.outbox.OutboxMessage;

/**
 * Port: where claims are kept. Every change is stored with its audit entry (and any e-mail) in one transaction, on
 * condition that the claim is still at the version it was read at; false means someone changed it meanwhile.
 */
public interface Claims {
    Optional<Claim> find(String claimId);

    /** A new draft ({@code before} null), a changed draft, or a submitted claim. */
    boolean save(Claim before, Claim after, AuditEntry entry);

    /** The partner's claims still being made (drafts), oldest first: a query on an index, never a scan. */
    List<Claim> drafts(String appointmentId);

    /**
     * Up to {@code limit} submitted claims waiting for a decision in the list's order ({@link ClaimDesk#key}: oldest
     * first) from {@code cursor}: from the start or after its key in that order, or before its key in the reverse
     * order (nearest first). One query on an index in that order: the items read are bounded by {@code limit}.
     */
    List<Claim> waiting(Paging.Cursor cursor, int limit);

    /**
     * Stores the approval with its audit entry, the partner's e-mail and the message for the payments queue, all in one
     * transaction, so the message is never lost: it is sent once the approval is stored, and if that send fails it
     * stays with the claim until {@link #sendWaitingPayments} sends it.
     */
    boolean approve(
            Claim before,
            Claim after,
            AuditEntry entry,
            OutboxMessage toPartner,
            ApprovedClaim forPayment);

    boolean reject(Claim before, Claim after, AuditEntry entry, OutboxMessage toPartner);

    /** Sends every approved claim whose payments message has not been sent yet; returns how many were sent. */
    int sendWaitingPayments();
}
