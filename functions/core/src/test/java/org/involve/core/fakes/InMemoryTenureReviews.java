package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.tenure.TenureReview;
import org.involve.core.tenure.TenureReviews;

/** Tenure reviews in memory beside the in-memory partners, writing as the adapter's transaction does. */
public final class InMemoryTenureReviews implements TenureReviews {
    public final Map<String, TenureReview> reviews = new LinkedHashMap<>();
    private final InMemoryPartners partners;
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryTenureReviews(
            InMemoryPartners partners, InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.partners = partners;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public List<PartnerRecords.Stored> endingBy(LocalDate day) {
        synchronized (partners) {
            return partners.appointments.values().stream()
                    .filter(
                            a ->
                                    (a.status() == PartnerStatus.ACTIVE
                                                    || a.status() == PartnerStatus.PAUSED)
                                            && !a.nextReview().isAfter(day))
                    .map(a -> new PartnerRecords.Stored(a, partners.involvements.get(a.id())))
                    .toList();
        }
    }

    @Override
    public synchronized Optional<TenureReview> find(String appointmentId, LocalDate ends) {
        return Optional.ofNullable(reviews.get(appointmentId + "#" + ends));
    }

    @Override
    public boolean save(
            TenureReview before,
            TenureReview after,
            Partner partnerBefore,
            Partner partnerAfter,
            List<AuditEntry> entries,
            List<OutboxMessage> messages) {
        synchronized (partners) {
            synchronized (this) {
                String key = after.appointmentId() + "#" + after.ends();
                TenureReview stored = reviews.get(key);
                if (before == null
                        ? stored != null
                        : stored == null || stored.version() != before.version()) return false;
                if (partnerAfter != null) {
                    Appointment a = partners.appointments.get(partnerBefore.id());
                    var i = partners.involvements.get(partnerBefore.id());
                    long v = i == null ? 0 : i.version();
                    if (a == null || v != partnerBefore.involvement().version()) return false;
                    partners.appointments.put(partnerAfter.id(), partnerAfter.appointment());
                    partners.involvements.put(partnerAfter.id(), partnerAfter.involvement());
                }
                reviews.put(key, after);
                entries.forEach(audit::append);
                messages.forEach(outbox::add);
                return true;
            }
        }
    }
}
