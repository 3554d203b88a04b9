package org.involve.core.shortlisting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.involve.core.kit.Read;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * What a panel member sees: the roles being shortlisted whose panel they are on, the anonymised applicants of one with
 * how far they have scored, one applicant's answers beside their scores, and everyone's scores added up. Only the role's
 * panel members see its papers (anyone else, staff too, is refused); staff who record shortlists also see every role's
 * results. Scoring, and declaring a conflict of interest, is {@link PanelScoring}.
 * It reads only the shortlist store and the roles, so it cannot reach a name, contact detail or monitoring answer.
 */
public final class ShortlistingPanel {
    private static final Words WORDS = Words.of("shortlisting");

    /** The form field that carries the points for one criterion. */
    public static final String FIELD_PREFIX = "score-";

    private final RoleReader roles;
    private final RolePanels panels;
    private final ShortlistStore store;
    private final ScoreScale scale;

    public ShortlistingPanel(
            RoleReader roles, RolePanels panels, ShortlistStore store, ScoreScale scale) {
        this.roles = roles;
        this.panels = panels;
        this.store = store;
        this.scale = scale;
    }

    /** A role or applicant that is not (or no longer) in shortlisting. */
    public static final class NotFound extends org.involve.core.kit.NotFound {
        public NotFound(String what) {
            super(what);
        }
    }

    /** An action the role's state does not allow, in words to show. */
    public static final class Refused extends org.involve.core.kit.Refused {
        public Refused(String message) {
            super(message);
        }
    }

    /** @param onPanel the signed-in person is on the role's panel (else they are staff, who see its results only) */
    public record RoleProgress(
            Role role,
            int applicants,
            int scoredByMe,
            boolean shortlistRecorded,
            boolean onPanel,
            int panelSize) {}

    /**
     * One applicant on a role's page: how many of the role's criteria this panel member has scored, and whether they
     * declared a conflict of interest with them (then there is nothing for them to do).
     */
    public record ApplicantProgress(
            String applicantId, int scoredByMe, int criteria, boolean conflict) {
        public boolean done() {
            return conflict || scoredByMe == criteria;
        }
    }

    public record Papers(
            Role role, List<ApplicantProgress> applicants, Optional<ShortlistDecision> decision) {
        public int doneByMe() {
            return (int) applicants.stream().filter(ApplicantProgress::done).count();
        }
    }

    /** One applicant's answers beside this panel member's scores, with where it sits in the list. */
    public record Sheet(
            Role role,
            AnonymisedApplication paper,
            Map<String, Integer> myScores,
            int position,
            int of,
            boolean locked,
            Optional<Conflict> myConflict) {}

    /**
     * Everyone's scores added up, best first. Panel members are shown as "You" and "Panel member 1, 2..." (in a fixed
     * order), never by name: the discussion is about the scores, not who gave them. A panel member sees them only once
     * they have scored every applicant themselves ({@code visible}), so others' scores cannot sway theirs; staff always.
     */
    public record Results(
            Role role,
            boolean visible,
            List<ApplicantResult> results,
            Map<String, String> panelLabels,
            int panelMembersFinished,
            Optional<ShortlistDecision> decision,
            boolean onPanel) {
        public String label(String panelMemberId) {
            return panelLabels.getOrDefault(panelMemberId, WORDS.get("page.results.panelMember"));
        }
    }

    public ScoreScale scale() {
        return scale;
    }

    public List<RoleProgress> roles(StaffMember who) {
        who.require(Permission.SCORE_APPLICATIONS);
        List<RoleProgress> list = new ArrayList<>();
        for (Role r : roles.beingShortlisted()) {
            RolePanel panel = panels.panelOf(r.id(), Read.EVENTUAL);
            boolean onPanel = panel.includes(who.id());
            if (!onPanel && !who.may(Permission.RECORD_SHORTLIST)) continue;
            Papers p = papersOf(who, r);
            list.add(
                    new RoleProgress(
                            r,
                            p.applicants().size(),
                            onPanel ? p.doneByMe() : 0,
                            p.decision().isPresent(),
                            onPanel,
                            panel.members().size()));
        }
        return list;
    }

    public Papers papers(StaffMember who, String roleId) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = PanelProgress.beingShortlisted(roles, roleId);
        PanelProgress.requireOnPanel(who, panels.panelOf(roleId, Read.EVENTUAL));
        return papersOf(who, role);
    }

    public Sheet sheet(StaffMember who, String roleId, String applicantId) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = PanelProgress.beingShortlisted(roles, roleId);
        PanelProgress.requireOnPanel(who, panels.panelOf(roleId, Read.EVENTUAL));
        List<AnonymisedApplication> papers = store.papers(roleId);
        int index = PanelProgress.indexOf(papers, applicantId);
        Map<String, Integer> mine = new HashMap<>();
        for (Score s : store.forRole(roleId))
            if (s.applicantId().equals(applicantId) && s.panelMemberId().equals(who.id()))
                mine.merge(s.criterionId(), s.points(), (a, b) -> b);
        return new Sheet(
                role,
                papers.get(index),
                mine,
                index + 1,
                papers.size(),
                store.decision(roleId).isPresent(),
                store.conflicts(roleId).stream()
                        .filter(
                                c ->
                                        c.applicantId().equals(applicantId)
                                                && c.panelMemberId().equals(who.id()))
                        .findFirst());
    }

    public Results results(StaffMember who, String roleId) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = PanelProgress.beingShortlisted(roles, roleId);
        RolePanel panel = panels.panelOf(roleId, Read.EVENTUAL);
        boolean onPanel = panel.includes(who.id());
        if (!onPanel && !who.may(Permission.RECORD_SHORTLIST))
            throw new AccessDenied(Permission.SCORE_APPLICATIONS, WORDS.get("error.notOnPanel"));
        List<AnonymisedApplication> papers = store.papers(roleId);
        List<Score> scores = store.forRole(roleId);
        List<Conflict> conflicts = store.conflicts(roleId);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(who.id(), WORDS.get("page.results.you"));
        int n = 0;
        for (String member :
                new TreeSet<>(
                        scores.stream().map(Score::panelMemberId).collect(Collectors.toSet())))
            if (!member.equals(who.id()))
                labels.put(member, WORDS.format("page.results.panelMemberNumbered", "number", ++n));
        boolean visible =
                who.may(Permission.RECORD_SHORTLIST)
                        || PanelProgress.finished(who.id(), role, papers, scores, conflicts);
        return new Results(
                role,
                visible,
                visible
                        ? new Scoring(role, scale).results(papers, scores, panel, conflicts)
                        : List.of(),
                labels,
                PanelProgress.finishedCount(role, panel, papers, scores, conflicts),
                store.decision(roleId),
                onPanel);
    }

    private Papers papersOf(StaffMember who, Role role) {
        List<AnonymisedApplication> papers = store.papers(role.id());
        Map<String, Set<String>> mine =
                PanelProgress.scoredBy(who.id(), role, store.forRole(role.id()));
        Set<String> conflicts = PanelProgress.conflictsOf(who.id(), store.conflicts(role.id()));
        List<ApplicantProgress> list =
                papers.stream()
                        .map(
                                p ->
                                        new ApplicantProgress(
                                                p.applicantId(),
                                                mine.getOrDefault(p.applicantId(), Set.of()).size(),
                                                role.criteria().size(),
                                                conflicts.contains(p.applicantId())))
                        .toList();
        return new Papers(role, list, store.decision(role.id()));
    }
}
