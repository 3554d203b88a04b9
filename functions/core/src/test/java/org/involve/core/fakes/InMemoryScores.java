package org.involve.core.fakes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.audit.AuditEntry;
import org.involve.core.shortlisting.Score;
import org.involve.core.shortlisting.ScoreStore;

/** Keyed as the table is: one score per role, applicant, criterion and panel member; each with its audit entry. */
public final class InMemoryScores implements ScoreStore {
    private final Map<String, Score> scores = new ConcurrentHashMap<>();
    private final InMemoryAuditTrail audit;

    public InMemoryScores(InMemoryAuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public synchronized void save(Score s, AuditEntry entry) {
        scores.put(
                String.join("|", s.roleId(), s.applicantId(), s.criterionId(), s.panelMemberId()),
                s);
        audit.append(entry);
    }

    @Override
    public List<Score> forRole(String roleId) {
        return scores.values().stream().filter(s -> s.roleId().equals(roleId)).toList();
    }
}
