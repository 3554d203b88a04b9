package org.involve.core.shortlisting;

import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a panel member does: sees the roles being shortlisted, the anonymised applicants of one with how far they
 * have scored, scores one applicant's answers (scoring again replaces their score), and sees everyone's scores added
 * up. It reads only the shortlist store and the roles, so it cannot reach a name, contact detail or monitoring answer.
 * When a panel member finishes scoring every applicant, the role's team is told how many panel members have finished.
 */
public final class ShortlistingPanel {
    /** The form field that carries the points for one criterion. */
    public static final String FIELD_PREFIX = "score-";
    private final RoleReader roles;
    private final ShortlistStore store;
    private final ScoreScale scale;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final String staffSiteUrl;

    public ShortlistingPanel(RoleReader roles, ShortlistStore store, ScoreScale scale, OutboxWriter outbox, Clock clock, String staffSiteUrl) {
        this.roles = roles;
        this.store = store;
        this.scale = scale;
        this.outbox = outbox;
        this.clock = clock;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** A role or applicant that is not (or no longer) in shortlisting. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what);
        }
    }

    /** An action the role's state does not allow, in words to show. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public record RoleProgress(Role role, int applicants, int scoredByMe, boolean shortlistRecorded) {}

    /** One applicant on a role's page: how many of the role's criteria this panel member has scored. */
    public record ApplicantProgress(String applicantId, int scoredByMe, int criteria) {
        public boolean done() {
            return scoredByMe == criteria;
        }
    }

    public record Papers(Role role, List<ApplicantProgress> applicants, Optional<ShortlistDecision> decision) {
        public int doneByMe() {
            return (int) applicants.stream().filter(ApplicantProgress::done).count();
        }
    }

    /** One applicant's answers beside this panel member's scores, with where it sits in the list. */
    public record Sheet(Role role, AnonymisedApplication paper, Map<String, Integer> myScores, int position, int of, boolean locked) {}

    public sealed interface Saved {
        /** Some scores were missing or not on the scale; the valid ones given were saved. */
        record Invalid(FieldErrors errors, Map<String, String> posted) implements Saved {}

        /** @param next the next applicant this panel member has not finished, or empty when they have scored everyone */
        record Done(Optional<String> next, List<String> messageIds) implements Saved {}
    }

    /**
     * Everyone's scores added up, best first. Panel members are shown as "You" and "Panel member 1, 2..." (in a fixed
     * order), never by name: the discussion is about the scores, not who gave them. A panel member sees them only once
     * they have scored every applicant themselves ({@code visible}), so others' scores cannot sway theirs; staff always.
     */
    public record Results(Role role, boolean visible, List<ApplicantResult> results, Map<String, String> panelLabels, int panelMembersFinished,
                          Optional<ShortlistDecision> decision) {
        public String label(String panelMemberId) {
            return panelLabels.getOrDefault(panelMemberId, "Panel member");
        }
    }

    public ScoreScale scale() {
        return scale;
    }

    public List<RoleProgress> roles(StaffMember who) {
        who.require(Permission.SCORE_APPLICATIONS);
        List<RoleProgress> list = new ArrayList<>();
        for (Role r : roles.beingShortlisted()) {
            Papers p = papersOf(who, r);
            list.add(new RoleProgress(r, p.applicants().size(), p.doneByMe(), p.decision().isPresent()));
        }
        return list;
    }

    public Papers papers(StaffMember who, String roleId) {
        who.require(Permission.SCORE_APPLICATIONS);
        return papersOf(who, role(roleId));
    }

    public Sheet sheet(StaffMember who, String roleId, String applicantId) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = role(roleId);
        List<AnonymisedApplication> papers = store.papers(roleId);
        int index = indexOf(papers, applicantId);
        Map<String, Integer> mine = new HashMap<>();
        for (Score s : store.forRole(roleId))
            if (s.applicantId().equals(applicantId) && s.panelMemberId().equals(who.id())) mine.merge(s.criterionId(), s.points(), (a, b) -> b);
        return new Sheet(role, papers.get(index), mine, index + 1, papers.size(), store.decision(roleId).isPresent());
    }

    /**
     * Saves this panel member's scores for one applicant: every criterion given a point on the scale is saved (replacing
     * their earlier score), so nothing chosen is lost when another is missing.
     */
    public Saved save(StaffMember who, String roleId, String applicantId, Map<String, String> posted) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = role(roleId);
        if (store.decision(roleId).isPresent()) throw new Refused("The shortlist for this role has been recorded, so scores can no longer be changed.");
        List<AnonymisedApplication> papers = store.papers(roleId);
        AnonymisedApplication paper = papers.get(indexOf(papers, applicantId));
        boolean finishedBefore = finished(who, role, papers, store.forRole(roleId));
        Scoring scoring = new Scoring(role, scale);
        Instant now = clock.instant();
        FieldErrors errors = new FieldErrors();
        for (Criterion c : role.criteria()) {
            String field = FIELD_PREFIX + c.id();
            String value = posted.getOrDefault(field, "").strip();
            if (value.isEmpty()) {
                errors.add(field, "Choose a score for \u201c" + c.statement() + "\u201d");
                continue;
            }
            Optional<Integer> points = points(value);
            if (points.isEmpty() || !scale.allows(points.get())) {
                errors.add(field, "Choose a score from 0 to " + scale.highest() + " for \u201c" + c.statement() + "\u201d");
                continue;
            }
            store.save(scoring.score(who, paper, c.id(), points.get(), now));
        }
        if (!errors.isEmpty()) return new Saved.Invalid(errors, posted);
        List<Score> scores = store.forRole(roleId);
        List<String> messages = new ArrayList<>();
        if (!finishedBefore && finished(who, role, papers, scores)) {
            OutboxMessage m = finishedMessage(role, who, finishedCount(role, papers, scores), now);
            if (outbox.addOnce(m)) messages.add(m.id());
        }
        return new Saved.Done(nextFor(who, role, papers, scores, applicantId), messages);
    }

    public Results results(StaffMember who, String roleId) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = role(roleId);
        List<AnonymisedApplication> papers = store.papers(roleId);
        List<Score> scores = store.forRole(roleId);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(who.id(), "You");
        int n = 0;
        for (String member : new TreeSet<>(scores.stream().map(Score::panelMemberId).collect(Collectors.toSet())))
            if (!member.equals(who.id())) labels.put(member, "Panel member " + (++n));
        boolean visible = who.may(Permission.RECORD_SHORTLIST) || finished(who, role, papers, scores);
        return new Results(role, visible, visible ? new Scoring(role, scale).results(papers, scores) : List.of(), labels,
                finishedCount(role, papers, scores), store.decision(roleId));
    }

    // ---------- helpers ----------

    private Role role(String roleId) {
        Role r = roles.find(roleId, Read.EVENTUAL).orElseThrow(() -> new NotFound("role"));
        // Only a role being shortlisted has papers to show: anything else is not the panel's business.
        if (r.status() != RoleStatus.SHORTLISTING) throw new NotFound("role");
        return r;
    }

    private static int indexOf(List<AnonymisedApplication> papers, String applicantId) {
        for (int i = 0; i < papers.size(); i++) if (papers.get(i).applicantId().equals(applicantId)) return i;
        throw new NotFound("applicant");
    }

    private Papers papersOf(StaffMember who, Role role) {
        List<AnonymisedApplication> papers = store.papers(role.id());
        Map<String, Set<String>> mine = scoredBy(who.id(), role, store.forRole(role.id()));
        List<ApplicantProgress> list = papers.stream()
                .map(p -> new ApplicantProgress(p.applicantId(), mine.getOrDefault(p.applicantId(), Set.of()).size(), role.criteria().size()))
                .toList();
        return new Papers(role, list, store.decision(role.id()));
    }

    /** applicant -> the role's criteria this panel member has scored for them */
    private static Map<String, Set<String>> scoredBy(String memberId, Role role, List<Score> scores) {
        Set<String> criteria = role.criteria().stream().map(Criterion::id).collect(Collectors.toSet());
        Map<String, Set<String>> m = new HashMap<>();
        for (Score s : scores)
            if (s.panelMemberId().equals(memberId) && criteria.contains(s.criterionId()))
                m.computeIfAbsent(s.applicantId(), k -> new HashSet<>()).add(s.criterionId());
        return m;
    }

    private static boolean finished(String memberId, Role role, List<AnonymisedApplication> papers, List<Score> scores) {
        Map<String, Set<String>> m = scoredBy(memberId, role, scores);
        return !papers.isEmpty() && papers.stream().allMatch(p -> m.getOrDefault(p.applicantId(), Set.of()).size() == role.criteria().size());
    }

    private static boolean finished(StaffMember who, Role role, List<AnonymisedApplication> papers, List<Score> scores) {
        return finished(who.id(), role, papers, scores);
    }

    private static int finishedCount(Role role, List<AnonymisedApplication> papers, List<Score> scores) {
        return (int) scores.stream().map(Score::panelMemberId).distinct().filter(m -> finished(m, role, papers, scores)).count();
    }

    /** The next applicant after this one (wrapping round) that this panel member has not finished. */
    private static Optional<String> nextFor(StaffMember who, Role role, List<AnonymisedApplication> papers, List<Score> scores, String after) {
        Map<String, Set<String>> m = scoredBy(who.id(), role, scores);
        int start = indexOf(papers, after);
        for (int step = 1; step <= papers.size(); step++) {
            AnonymisedApplication p = papers.get((start + step) % papers.size());
            if (m.getOrDefault(p.applicantId(), Set.of()).size() < role.criteria().size()) return Optional.of(p.applicantId());
        }
        return Optional.empty();
    }

    private static Optional<Integer> points(String value) {
        return value.matches("\\d{1,2}") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    /** Once per panel member and role: the id names both, so saving again sends nothing more. */
    static String finishedMessageId(Role role, StaffMember who) {
        return "panel-scored-" + role.id() + "-" + who.id();
    }

    private OutboxMessage finishedMessage(Role role, StaffMember who, int finishedCount, Instant now) {
        String count = finishedCount == 1 ? "1 panel member has" : finishedCount + " panel members have";
        var email = new Letter()
                .paragraph("A panel member has scored every application for " + role.title() + " (" + role.programme() + ").")
                .paragraph(count + " now scored every application. When the whole panel has finished, look at the results "
                        + "together, talk over the scores that differ, then record the shortlist.")
                .link("See the results", staffSiteUrl + "/staff/shortlisting/" + role.id() + "/results")
                .to(role.contact().teamEmail(), "Panel scoring: " + count + " finished for " + role.title());
        return new OutboxMessage(finishedMessageId(role, who), email, now, now, 0, "panel-scored");
    }
}
