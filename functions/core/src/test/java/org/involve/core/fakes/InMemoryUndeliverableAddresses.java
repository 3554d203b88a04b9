package org.involve.core.fakes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.UndeliverableAddress;
import org.involve.core.outbox.UndeliverableAddresses;

public final class InMemoryUndeliverableAddresses implements UndeliverableAddresses {
    private final Map<String, UndeliverableAddress> byKey = new ConcurrentHashMap<>();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();

    @Override
    public Optional<UndeliverableAddress> find(String email) {
        if (email == null || email.isBlank()) return Optional.empty();
        return Optional.ofNullable(byKey.get(UndeliverableAddress.keyOf(email)));
    }

    @Override
    public synchronized boolean mark(UndeliverableAddress address, AuditEntry entry) {
        if (byKey.putIfAbsent(address.addressKey(), address) != null) return false;
        audit.append(entry);
        return true;
    }

    public int size() {
        return byKey.size();
    }
}
