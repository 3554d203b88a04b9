package org.involve.core.fakes;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;

/**
 * Monitoring answers in memory, written once per token. Answers are found by token here (the applications that hold
 * the tokens are elsewhere), so {@link #answersFor} and {@link #forget} take the token as the application id.
 */
public final class InMemoryMonitoring implements MonitoringStore {
    public final List<MonitoringResponse> stored = new CopyOnWriteArrayList<>();

    @Override
    public synchronized boolean record(MonitoringResponse response) {
        if (stored.stream().anyMatch(s -> s.token().equals(response.token()))) return false;
        return stored.add(response);
    }

    @Override
    public Optional<MonitoringResponse> answersFor(String roleId, String applicationId) {
        return stored.stream()
                .filter(s -> s.roleId().equals(roleId) && s.token().equals(applicationId))
                .findFirst();
    }

    @Override
    public void forget(String roleId, String applicationId) {
        stored.removeIf(s -> s.roleId().equals(roleId) && s.token().equals(applicationId));
    }
}
