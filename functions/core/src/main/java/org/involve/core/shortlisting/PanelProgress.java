package org.involve.core.shortlisting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.kit.Read;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;

/** How far each panel member has scored a role's papers, for the panel's pages and for scoring. */
final class PanelProgress {
    private PanelProgress() {}

    /** The role, if it is being shortlisted: only such a role has papers to show, anything else is not the panel's business. */
    static Role beingShortlisted(RoleReader roles, String roleId) {
        Role r =
                roles.find(roleId, Read.EVENTUAL)
                        .orElseThrow(() -> new ShortlistingPanel.NotFound("role"));
        if (r.status() != RoleStatus.SHORTLISTING) throw new ShortlistingPanel.NotFound("role");
        return r;
    }

    static int indexOf(List<AnonymisedApplication> papers, String applicantId) {
        for (int i = 0; i < papers.size(); i++)
            if (papers.get(i).applicantId().equals(applicantId)) return i;
        throw new ShortlistingPanel.NotFound("applicant");
    }

    /** applicant -> the role's criteria this panel member has scored for them */
    static Map<String, Set<String>> scoredBy(String memberId, Role role, List<Score> scores) {
        Set<String> criteria =
                role.criteria().stream().map(Criterion::id).collect(Collectors.toSet());
        Map<String, Set<String>> m = new HashMap<>();
        for (Score s : scores)
            if (s.panelMemberId().equals(memberId) && criteria.contains(s.criterionId()))
                m.computeIfAbsent(s.applicantId(), k -> new HashSet<>()).add(s.criterionId());
        return m;
    }

    static boolean finished(
            String memberId, Role role, List<AnonymisedApplication> papers, List<Score> scores) {
        Map<String, Set<String>> m = scoredBy(memberId, role, scores);
        return !papers.isEmpty()
                && papers.stream()
                        .allMatch(
                                p ->
                                        m.getOrDefault(p.applicantId(), Set.of()).size()
                                                == role.criteria().size());
    }

    static int finishedCount(Role role, List<AnonymisedApplication> papers, List<Score> scores) {
        return (int)
                scores.stream()
                        .map(Score::panelMemberId)
                        .distinct()
                        .filter(m -> finished(m, role, papers, scores))
                        .count();
    }

    /** The next applicant after this one (wrapping round) that this panel member has not finished. */
    static Optional<String> nextFor(
            String memberId,
            Role role,
            List<AnonymisedApplication> papers,
            List<Score> scores,
            String after) {
        Map<String, Set<String>> m = scoredBy(memberId, role, scores);
        int start = indexOf(papers, after);
        for (int step = 1; step <= papers.size(); step++) {
            AnonymisedApplication p = papers.get((start + step) % papers.size());
            if (m.getOrDefault(p.applicantId(), Set.of()).size() < role.criteria().size())
                return Optional.of(p.applicantId());
        }
        return Optional.empty();
    }
}
