package org.involve.core.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Paging;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.payments.Claims;

/** Claims in memory, version-checked as the table is; approvals' payments-queue messages collected in order. */
public final class InMemoryClaims implements Claims {
    public final Map<String, Claim> claims = new LinkedHashMap<>();
    public final List<ApprovedClaim> sentForPayment = new ArrayList<>();
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryClaims(InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public synchronized Optional<Claim> find(String claimId) {
        return Optional.ofNullable(claims.get(claimId));
    }

    @Override
    public synchronized boolean save(Claim before, Claim after, AuditEntry entry) {
        if (!matches(before, after)) return false;
        claims.put(after.id(), after);
        audit.append(entry);
        return true;
    }

    @Override
    public synchronized List<Claim> drafts(String appointmentId) {
        return claims.values().stream()
                .filter(c -> c.status() == ClaimStatus.DRAFT)
                .filter(c -> c.appointmentId().equals(appointmentId))
                .sorted(Comparator.comparing(Claim::createdAt))
                .toList();
    }

    /** For tests: every submitted claim waiting for a decision, oldest first (the port reads them a page at a time). */
    public synchronized List<Claim> waiting() {
        return claims.values().stream()
                .filter(c -> c.status() == ClaimStatus.SUBMITTED)
                .sorted(Comparator.comparing(Claim::submittedAt))
                .toList();
    }

    @Override
    public synchronized List<Claim> waiting(Paging.Cursor cursor, int limit) {
        Comparator<Claim> order = Comparator.comparing(ClaimDesk::key);
        return claims.values().stream()
                .filter(c -> c.status() == ClaimStatus.SUBMITTED)
                .filter(
                        c ->
                                switch (cursor.direction()) {
                                    case FIRST -> true;
                                    case AFTER -> ClaimDesk.key(c).compareTo(cursor.key()) > 0;
                                    case BEFORE -> ClaimDesk.key(c).compareTo(cursor.key()) < 0;
                                })
                .sorted(cursor.direction() == Paging.Direction.BEFORE ? order.reversed() : order)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean approve(
            Claim before,
            Claim after,
            AuditEntry entry,
            OutboxMessage toPartner,
            ApprovedClaim forPayment) {
        if (!matches(before, after)) return false;
        claims.put(after.id(), after);
        audit.append(entry);
        if (toPartner != null) outbox.add(toPartner);
        sentForPayment.add(forPayment);
        return true;
    }

    @Override
    public synchronized boolean reject(
            Claim before, Claim after, AuditEntry entry, OutboxMessage toPartner) {
        if (!matches(before, after)) return false;
        claims.put(after.id(), after);
        audit.append(entry);
        if (toPartner != null) outbox.add(toPartner);
        return true;
    }

    @Override
    public int sendWaitingPayments() {
        return 0;
    }

    private boolean matches(Claim before, Claim after) {
        Claim stored = claims.get(after.id());
        return before == null
                ? stored == null
                : stored != null && stored.version() == before.version();
    }
}
