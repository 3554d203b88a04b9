package org.involve.core.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;

/** Payment records in memory, one per claim as the table keeps them. */
public final class InMemoryPayments implements Payments {
    public final Map<String, PaymentRecord> records = new ConcurrentHashMap<>();

    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    @Override
    public synchronized PaidSoFar paidSoFar(String appointmentId) {
        return new PaidSoFar(
                forAppointment(appointmentId), versions.getOrDefault(appointmentId, 0L));
    }

    @Override
    public synchronized Recorded record(PaymentRecord payment, PaidSoFar basis) {
        if (records.containsKey(payment.claimId())) return Recorded.ALREADY_RECORDED;
        if (versions.getOrDefault(payment.appointmentId(), 0L) != basis.version())
            return Recorded.PAID_SINCE;
        records.put(payment.claimId(), payment);
        versions.merge(payment.appointmentId(), 1L, Long::sum);
        return Recorded.RECORDED;
    }

    @Override
    public Optional<PaymentRecord> forClaim(String claimId) {
        return Optional.ofNullable(records.get(claimId));
    }

    public final Map<String, String> exportOf = new ConcurrentHashMap<>();

    @Override
    public synchronized List<PaymentRecord> export(String exportId, java.time.LocalDate paidBy) {
        records.keySet().forEach(claim -> exportOf.putIfAbsent(claim, exportId));
        return records.values().stream()
                .filter(p -> exportId.equals(exportOf.get(p.claimId())))
                .sorted(Comparator.comparing(PaymentRecord::calculatedAt))
                .toList();
    }

    @Override
    public List<PaymentRecord> inExport(String exportId) {
        return records.values().stream()
                .filter(p -> exportId.equals(exportOf.get(p.claimId())))
                .sorted(Comparator.comparing(PaymentRecord::calculatedAt))
                .toList();
    }

    @Override
    public List<PaymentRecord> forAppointment(String appointmentId) {
        return records.values().stream()
                .filter(p -> p.appointmentId().equals(appointmentId))
                .sorted(Comparator.comparing(PaymentRecord::calculatedAt))
                .toList();
    }
}
