package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;

/** The monitoring table in memory: answers by role and answer key, as DynamoMonitoringStore keeps them. */
public final class InMemoryMonitoring implements MonitoringStore, MonitoringAnswers {
    private final Map<String, Map<String, Map<String, String>>> byRole = new LinkedHashMap<>();
    private final MonitoringKey keys;
    private final Map<String, LocalDate> deleted = new LinkedHashMap<>();

    public InMemoryMonitoring(MonitoringKey keys) {
        this.keys = keys;
    }

    @Override
    public synchronized boolean record(MonitoringResponse r) {
        return byRole.computeIfAbsent(r.roleId(), x -> new LinkedHashMap<>())
                        .putIfAbsent(r.answerKey(), r.answers())
                == null;
    }

    @Override
    public synchronized Map<String, Map<String, String>> forRole(String roleId) {
        return Map.copyOf(byRole.getOrDefault(roleId, Map.of()));
    }

    @Override
    public synchronized Optional<Map<String, String>> answersFor(
            String roleId, String applicationId) {
        return Optional.ofNullable(
                byRole.getOrDefault(roleId, Map.of())
                        .get(keys.forApplication(roleId, applicationId)));
    }

    @Override
    public synchronized boolean forget(String roleId, String applicationId) {
        return byRole.getOrDefault(roleId, new LinkedHashMap<>())
                        .remove(keys.forApplication(roleId, applicationId))
                != null;
    }

    /** As the retention job does: every answer for the role goes, and the day is noted. */
    public synchronized void deleteRole(String roleId, LocalDate on) {
        byRole.remove(roleId);
        deleted.put(roleId, on);
    }

    @Override
    public synchronized Optional<LocalDate> deletedOn(String roleId) {
        return Optional.ofNullable(deleted.get(roleId));
    }
}
