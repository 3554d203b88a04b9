package org.involve.core.fakes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.audit.AuditEntry;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.monitoring.MonitoringCodes;
import org.involve.core.monitoring.MonitoringResponse;

/** The short codes' table, the answers it records and the audit entries, in memory. */
public final class InMemoryMonitoringCodes implements MonitoringCodes {
    public final Map<String, Entry> entries = new HashMap<>();
    public final Set<String> spent = new HashSet<>();
    public final List<MonitoringResponse> answers = new ArrayList<>();
    public final List<AuditEntry> audit = new ArrayList<>();
    private final Map<String, Integer> tries = new HashMap<>();

    public void issue(Entry e) {
        entries.put(e.codeId(), e);
    }

    @Override
    public Optional<Entry> find(String codeId) {
        return spent.contains(codeId) ? Optional.empty() : Optional.ofNullable(entries.get(codeId));
    }

    @Override
    public synchronized boolean record(
            MonitoringResponse response, String codeId, Instant at, AuditEntry entry) {
        if (!entries.containsKey(codeId) || spent.contains(codeId)) return false;
        if (answers.stream().anyMatch(a -> a.answerKey().equals(response.answerKey())))
            return false;
        spent.add(codeId);
        answers.add(response);
        if (entry != null) audit.add(entry);
        return true;
    }

    @Override
    public synchronized boolean tryFrom(String source, Instant at, int limit) {
        long window =
                at.truncatedTo(ChronoUnit.MINUTES).getEpochSecond()
                        / (60L * MonitoringByCode.WINDOW_MINUTES);
        return tries.merge(source + ":" + window, 1, Integer::sum) <= limit;
    }
}
