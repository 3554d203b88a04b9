package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.involve.core.kit.Read;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import org.involve.core.role.RoleReader;

/**
 * The monitoring table in memory: answers by role and answer key, as DynamoMonitoringStore keeps them. As its write
 * does, it refuses answers for a role whose answers the retention job deleted and, when given the roles, for a role
 * that is not there or whose round is over.
 */
public final class InMemoryMonitoring implements MonitoringStore, MonitoringAnswers {
    private final Map<String, Map<String, Map<String, String>>> byRole = new LinkedHashMap<>();
    private final MonitoringKey keys;
    private final RoleReader roles;
    private final Map<String, LocalDate> deleted = new LinkedHashMap<>();

    /** Answers for any role are taken until the role's answers are deleted (tests that are not about roles). */
    public InMemoryMonitoring(MonitoringKey keys) {
        this(keys, null);
    }

    public InMemoryMonitoring(MonitoringKey keys, RoleReader roles) {
        this.keys = keys;
        this.roles = roles;
    }

    @Override
    public synchronized Outcome record(MonitoringResponse r) {
        boolean open =
                !deleted.containsKey(r.roleId())
                        && (roles == null
                                || roles.find(r.roleId(), Read.CONSISTENT)
                                        .map(role -> !role.status().roundOver())
                                        .orElse(false));
        if (!open) return Outcome.CLOSED;
        return byRole.computeIfAbsent(r.roleId(), x -> new LinkedHashMap<>())
                                .putIfAbsent(r.answerKey(), r.answers())
                        == null
                ? Outcome.RECORDED
                : Outcome.ALREADY_RECORDED;
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
