package org.involve.core.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.audit.AuditEntry;
import org.involve.core.monitoring.MonitoringCodes;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;

/** The short codes' table, the answers it records and the audit entries, in memory. */
public final class InMemoryMonitoringCodes implements MonitoringCodes {
    public final Map<String, Entry> entries = new HashMap<>();
    public final Set<String> spent = new HashSet<>();
    public final List<MonitoringResponse> answers = new ArrayList<>();
    public final List<AuditEntry> audit = new ArrayList<>();

    /** Roles whose form the write finds closed (round over, or answers deleted), as DynamoMonitoringCodes checks. */
    public final Set<String> closedRoles = new HashSet<>();

    public void issue(Entry e) {
        entries.put(e.codeId(), e);
    }

    @Override
    public Optional<Entry> find(String codeId) {
        return spent.contains(codeId) ? Optional.empty() : Optional.ofNullable(entries.get(codeId));
    }

    @Override
    public synchronized MonitoringStore.Outcome record(
            MonitoringResponse response, String codeId, Instant at, AuditEntry entry) {
        if (closedRoles.contains(response.roleId())) return MonitoringStore.Outcome.CLOSED;
        if (!entries.containsKey(codeId) || spent.contains(codeId))
            return MonitoringStore.Outcome.ALREADY_RECORDED;
        if (answers.stream().anyMatch(a -> a.answerKey().equals(response.answerKey())))
            return MonitoringStore.Outcome.ALREADY_RECORDED;
        spent.add(codeId);
        answers.add(response);
        if (entry != null) audit.add(entry);
        return MonitoringStore.Outcome.RECORDED;
    }
}
