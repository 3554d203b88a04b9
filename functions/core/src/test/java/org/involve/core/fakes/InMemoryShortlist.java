package org.involve.core.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.involve.core.audit.AuditEntry;
import org.involve.core.shortlisting.AnonymisedApplication;
import org.involve.core.shortlisting.Conflict;
import org.involve.core.shortlisting.Score;
import org.involve.core.shortlisting.ShortlistDecision;
import org.involve.core.shortlisting.ShortlistStore;

/** Papers, scores and decisions keyed as the ShortlistingTable keys them; counts paper writes so tests can see "once". */
public final class InMemoryShortlist implements ShortlistStore {
    public final Map<String, AnonymisedApplication> papers = new ConcurrentHashMap<>();
    public final Map<String, ShortlistDecision> decisions = new ConcurrentHashMap<>();
    public final AtomicInteger paperWrites = new AtomicInteger();
    public final Map<String, Conflict> conflicts = new ConcurrentHashMap<>();
    private final InMemoryScores scores;
    private final InMemoryAuditTrail audit;

    public InMemoryShortlist(InMemoryAuditTrail audit) {
        this.audit = audit;
        this.scores = new InMemoryScores(audit);
    }

    @Override
    public boolean addPaper(AnonymisedApplication paper) {
        boolean added =
                papers.putIfAbsent(paper.roleId() + "|" + paper.applicantId(), paper) == null;
        if (added) paperWrites.incrementAndGet();
        return added;
    }

    @Override
    public List<AnonymisedApplication> papers(String roleId) {
        return papers.values().stream()
                .filter(p -> p.roleId().equals(roleId))
                .sorted(Comparator.comparing(AnonymisedApplication::applicantId))
                .toList();
    }

    @Override
    public Optional<ShortlistDecision> decision(String roleId) {
        return Optional.ofNullable(decisions.get(roleId));
    }

    @Override
    public synchronized boolean recordDecision(ShortlistDecision decision, AuditEntry entry) {
        if (decisions.putIfAbsent(decision.roleId(), decision) != null) return false;
        audit.append(entry);
        return true;
    }

    @Override
    public synchronized boolean declareConflict(Conflict c, AuditEntry entry) {
        String key = c.roleId() + "|" + c.applicantId() + "|" + c.panelMemberId();
        if (conflicts.putIfAbsent(key, c) != null) return false;
        audit.append(entry);
        return true;
    }

    @Override
    public List<Conflict> conflicts(String roleId) {
        return conflicts.values().stream()
                .filter(c -> c.roleId().equals(roleId))
                .sorted(
                        Comparator.comparing(Conflict::applicantId)
                                .thenComparing(Conflict::panelMemberId))
                .toList();
    }

    @Override
    public void save(Score score, AuditEntry entry) {
        scores.save(score, entry);
    }

    @Override
    public List<Score> forRole(String roleId) {
        return scores.forRole(roleId);
    }
}
