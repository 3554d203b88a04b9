package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Panel scoring for one role: taking a panel member's score, and adding up everyone's scores into what the
 * panel sees when it decides the shortlist. Works only on anonymised applications.
 */
public final class Scoring {
    private final Role role;
    private final ScoreScale scale;

    public Scoring(Role role, ScoreScale scale) {
        this.role = role;
        this.scale = scale;
    }

    /** A panel member's score for one answer, refused with a plain message if it cannot be taken. */
    public Score score(
            StaffMember by, AnonymisedApplication app, String criterionId, int points, Instant at) {
        by.require(Permission.SCORE_APPLICATIONS);
        if (role.status() != RoleStatus.SHORTLISTING)
            throw new IllegalStateException(
                    "Applications for this role can be scored only while it is being shortlisted.");
        if (!role.id().equals(app.roleId()))
            throw new IllegalArgumentException("That application is for a different role.");
        if (role.criteria().stream().noneMatch(c -> c.id().equals(criterionId)))
            throw new IllegalArgumentException(
                    "This role has no criterion called " + criterionId + ".");
        if (!scale.allows(points))
            throw new IllegalArgumentException("Give a score from 0 to " + scale.highest() + ".");
        return new Score(role.id(), app.applicantId(), criterionId, by.id(), points, at);
    }

    /**
     * Everyone's scores added up, best first (essential total, then desirable total). Scores for applications
     * or criteria no longer in this round are left out; if a panel member scored an answer twice, the later counts.
     */
    public List<ApplicantResult> results(
            List<AnonymisedApplication> applications, List<Score> scores) {
        return results(applications, scores, RolePanel.none(), List.of());
    }

    /**
     * As above, for a role with a chosen panel: only its members' scores count, never a member's score for an applicant
     * they declared a conflict of interest with, and an applicant is fully scored when every member without a conflict
     * has scored every criterion. With no panel chosen, any score counts and one per criterion is enough.
     */
    public List<ApplicantResult> results(
            List<AnonymisedApplication> applications,
            List<Score> scores,
            RolePanel panel,
            List<Conflict> conflicts) {
        Map<String, Set<String>> conflicted = new HashMap<>();
        for (Conflict c : conflicts)
            if (role.id().equals(c.roleId()))
                conflicted
                        .computeIfAbsent(c.applicantId(), k -> new HashSet<>())
                        .add(c.panelMemberId());
        Set<String> ids = new HashSet<>();
        for (AnonymisedApplication a : applications) {
            if (!role.id().equals(a.roleId()))
                throw new IllegalArgumentException("An application is for a different role");
            if (!ids.add(a.applicantId()))
                throw new IllegalArgumentException("Two applications have the same anonymous id");
        }
        // applicant -> criterion -> panel member -> latest score
        Map<String, Map<String, Map<String, Score>>> latest = new HashMap<>();
        for (Score s : scores) {
            if (!role.id().equals(s.roleId()) || !ids.contains(s.applicantId())) continue;
            if (!panel.isEmpty() && !panel.includes(s.panelMemberId())) continue;
            if (conflicted.getOrDefault(s.applicantId(), Set.of()).contains(s.panelMemberId()))
                continue;
            latest.computeIfAbsent(s.applicantId(), k -> new HashMap<>())
                    .computeIfAbsent(s.criterionId(), k -> new HashMap<>())
                    .merge(
                            s.panelMemberId(),
                            s,
                            (a, b) -> b.scoredAt().isAfter(a.scoredAt()) ? b : a);
        }
        List<ApplicantResult> results = new ArrayList<>();
        for (AnonymisedApplication a : applications) {
            Set<String> out = conflicted.getOrDefault(a.applicantId(), Set.of());
            // Who must score this applicant: the panel less anyone with a conflict (null: no panel,
            // anyone's score counts).
            Set<String> scorers =
                    panel.isEmpty()
                            ? null
                            : panel.ids().stream()
                                    .filter(m -> !out.contains(m))
                                    .collect(Collectors.toSet());
            int declared =
                    panel.isEmpty()
                            ? out.size()
                            : (int) out.stream().filter(panel::includes).count();
            results.add(
                    resultFor(
                            a, latest.getOrDefault(a.applicantId(), Map.of()), scorers, declared));
        }
        results.sort(
                Comparator.comparingDouble(ApplicantResult::essentialTotal)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingDouble(ApplicantResult::desirableTotal)
                                        .reversed())
                        .thenComparing(ApplicantResult::applicantId));
        return results;
    }

    private ApplicantResult resultFor(
            AnonymisedApplication app,
            Map<String, Map<String, Score>> byCriterion,
            Set<String> scorers,
            int conflicts) {
        List<CriterionResult> criteria = new ArrayList<>();
        double essential = 0, desirable = 0;
        boolean fullyScored = true, meetsAllEssentials = true;
        for (Criterion c : role.criteria()) {
            CriterionResult r = criterionResult(c, byCriterion.getOrDefault(c.id(), Map.of()));
            criteria.add(r);
            if (c.essential()) essential += r.average();
            else desirable += r.average();
            fullyScored &=
                    scorers == null
                            ? r.scored()
                            : !scorers.isEmpty()
                                    && r.pointsByPanelMember().keySet().containsAll(scorers);
            if (c.essential()) meetsAllEssentials &= r.meets();
        }
        boolean disabilityConfident = app.guaranteedInterviewIfMeetsEssentials();
        return new ApplicantResult(
                app.applicantId(),
                criteria,
                essential,
                desirable,
                fullyScored,
                meetsAllEssentials,
                disabilityConfident,
                disabilityConfident && meetsAllEssentials,
                app.hasPriorityConnection(),
                conflicts,
                scorers == null || !scorers.isEmpty());
    }

    private CriterionResult criterionResult(Criterion c, Map<String, Score> byPanelMember) {
        Map<String, Integer> points = new LinkedHashMap<>();
        byPanelMember.values().stream()
                .sorted(Comparator.comparing(Score::panelMemberId))
                .forEach(s -> points.put(s.panelMemberId(), s.points()));
        int n = points.size();
        int sum = points.values().stream().mapToInt(Integer::intValue).sum();
        int range =
                n == 0
                        ? 0
                        : points.values().stream().mapToInt(Integer::intValue).max().getAsInt()
                                - points.values().stream()
                                        .mapToInt(Integer::intValue)
                                        .min()
                                        .getAsInt();
        // Compared in whole numbers, so an average of exactly the pass mark always passes.
        boolean meets = n > 0 && sum >= scale.meets() * n;
        return new CriterionResult(
                c.id(),
                c.statement(),
                c.essential(),
                points,
                n == 0 ? 0 : (double) sum / n,
                range,
                range >= scale.disagreement(),
                meets);
    }
}
