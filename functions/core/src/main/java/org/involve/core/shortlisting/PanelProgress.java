package org.involve.core.shortlisting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.kit.Read;
import org.involve.core.kit.Words;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * How far each panel member has scored a role's papers, for the panel's pages and for scoring, and who may see them.
 * A panel member has finished when they have scored every applicant they have no conflict of interest with.
 */
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

    /** Only the role's panel members see its papers and score them: anyone else is refused, staff too. */
    static void requireOnPanel(StaffMember who, RolePanel panel) {
        who.require(Permission.SCORE_APPLICATIONS);
        if (!panel.includes(who.id()))
            throw new AccessDenied(
                    Permission.SCORE_APPLICATIONS,
                    Words.of("shortlisting").get("error.notOnPanel"));
    }

    /** The applicants this panel member has declared a conflict of interest with. */
    static Set<String> conflictsOf(String memberId, List<Conflict> conflicts) {
        return conflicts.stream()
                .filter(c -> c.panelMemberId().equals(memberId))
                .map(Conflict::applicantId)
                .collect(Collectors.toSet());
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
            String memberId,
            Role role,
            List<AnonymisedApplication> papers,
            List<Score> scores,
            List<Conflict> conflicts) {
        Map<String, Set<String>> m = scoredBy(memberId, role, scores);
        Set<String> out = conflictsOf(memberId, conflicts);
        return !papers.isEmpty()
                && papers.stream()
                        .allMatch(
                                p ->
                                        out.contains(p.applicantId())
                                                || m.getOrDefault(p.applicantId(), Set.of()).size()
                                                        == role.criteria().size());
    }

    /** How many have finished: of the panel's members or, with no panel chosen, of everyone who has scored. */
    static int finishedCount(
            Role role,
            RolePanel panel,
            List<AnonymisedApplication> papers,
            List<Score> scores,
            List<Conflict> conflicts) {
        var who =
                panel.isEmpty()
                        ? scores.stream().map(Score::panelMemberId).distinct()
                        : panel.ids().stream();
        return (int) who.filter(m -> finished(m, role, papers, scores, conflicts)).count();
    }

    /** The next applicant after this one (wrapping round) that this panel member has not finished and may score. */
    static Optional<String> nextFor(
            String memberId,
            Role role,
            List<AnonymisedApplication> papers,
            List<Score> scores,
            List<Conflict> conflicts,
            String after) {
        Map<String, Set<String>> m = scoredBy(memberId, role, scores);
        Set<String> out = conflictsOf(memberId, conflicts);
        int start = indexOf(papers, after);
        for (int step = 1; step <= papers.size(); step++) {
            AnonymisedApplication p = papers.get((start + step) % papers.size());
            if (out.contains(p.applicantId())) continue;
            if (m.getOrDefault(p.applicantId(), Set.of()).size() < role.criteria().size())
                return Optional.of(p.applicantId());
        }
        return Optional.empty();
    }
}
