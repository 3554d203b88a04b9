package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInRules;
import org.involve.core.tenure.CheckIns;

/** Check-ins in memory beside the in-memory partners, writing as the adapter's transaction does. */
public final class InMemoryCheckIns implements CheckIns {
    public final Map<String, CheckIn> checkIns = new LinkedHashMap<>();
    private final InMemoryPartners partners;
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryCheckIns(
            InMemoryPartners partners, InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.partners = partners;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public List<PartnerRecords.Stored> startedOnDays(CheckInRules.KeyRange range) {
        synchronized (partners) {
            return partners.appointments.values().stream()
                    .filter(
                            a ->
                                    (a.status() == PartnerStatus.ACTIVE
                                                    || a.status() == PartnerStatus.PAUSED)
                                            && CheckInRules.dayKey(a.start())
                                                            .compareTo(range.from())
                                                    >= 0
                                            && CheckInRules.dayKey(a.start()).compareTo(range.to())
                                                    <= 0)
                    .map(a -> new PartnerRecords.Stored(a, partners.involvements.get(a.id())))
                    .toList();
        }
    }

    @Override
    public synchronized List<CheckIn> chaseDueBy(LocalDate day) {
        return checkIns.values().stream()
                .filter(c -> CheckInRules.awaitsChase(c) && !CheckInRules.chaseOn(c).isAfter(day))
                .toList();
    }

    @Override
    public synchronized Optional<CheckIn> find(String appointmentId, int year) {
        return Optional.ofNullable(checkIns.get(appointmentId + "#" + year));
    }

    @Override
    public synchronized boolean save(
            CheckIn before, CheckIn after, List<AuditEntry> entries, List<OutboxMessage> messages) {
        String key = after.appointmentId() + "#" + after.year();
        CheckIn stored = checkIns.get(key);
        if (before == null
                ? stored != null
                : stored == null || stored.version() != before.version()) return false;
        checkIns.put(key, after);
        entries.forEach(audit::append);
        messages.forEach(outbox::add);
        return true;
    }
}
