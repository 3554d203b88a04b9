package org.involve.core.shortlisting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditViewer;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Read;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * A panel member of the role scores one applicant's answers (scoring again replaces their score), or declares a conflict
 * of interest with them, which takes them out of that applicant's scoring. When they finish (every applicant scored or
 * declared), the role's team is told, once, how many panel members have finished. Each score and each conflict is
 * stored with its audit entry, under the role's record (the panel's pages have no other record to name).
 */
public final class PanelScoring {
    private static final Words WORDS = Words.of("shortlisting");

    /** The form field that carries a conflict's optional note. */
    public static final String CONFLICT_NOTE = "conflictNote";

    private final RoleReader roles;
    private final RolePanels panels;
    private final ShortlistStore store;
    private final ScoreScale scale;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final String staffSiteUrl;

    public PanelScoring(
            RoleReader roles,
            RolePanels panels,
            ShortlistStore store,
            ScoreScale scale,
            OutboxWriter outbox,
            Clock clock,
            String staffSiteUrl) {
        this.roles = roles;
        this.panels = panels;
        this.store = store;
        this.scale = scale;
        this.outbox = outbox;
        this.clock = clock;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    public sealed interface Saved {
        /** Some scores were missing or not on the scale; the valid ones given were saved. */
        record Invalid(FieldErrors errors, Map<String, String> posted) implements Saved {}

        /** @param next the next applicant this panel member has not finished, or empty when they have scored everyone */
        record Done(Optional<String> next, List<String> messageIds) implements Saved {}
    }

    /**
     * Saves this panel member's scores for one applicant: every criterion given a point on the scale is saved (replacing
     * their earlier score), so nothing chosen is lost when another is missing.
     */
    public Saved save(
            StaffMember who, String roleId, String applicantId, Map<String, String> posted) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = PanelProgress.beingShortlisted(roles, roleId);
        RolePanel panel = panels.panelOf(roleId, Read.EVENTUAL);
        PanelProgress.requireOnPanel(who, panel);
        if (store.decision(roleId).isPresent())
            throw new ShortlistingPanel.Refused(WORDS.get("error.scoring.recorded"));
        List<AnonymisedApplication> papers = store.papers(roleId);
        AnonymisedApplication paper = papers.get(PanelProgress.indexOf(papers, applicantId));
        List<Conflict> conflicts = store.conflicts(roleId);
        if (PanelProgress.conflictsOf(who.id(), conflicts).contains(applicantId))
            throw new ShortlistingPanel.Refused(WORDS.get("error.scoring.conflict"));
        List<Score> scoresBefore = store.forRole(roleId);
        boolean finishedBefore =
                PanelProgress.finished(who.id(), role, papers, scoresBefore, conflicts);
        Scoring scoring = new Scoring(role, scale);
        Instant now = clock.instant();
        FieldErrors errors = new FieldErrors();
        for (Criterion c : role.criteria()) {
            String field = ShortlistingPanel.FIELD_PREFIX + c.id();
            String value = posted.getOrDefault(field, "").strip();
            if (value.isEmpty()) {
                errors.add(
                        field, WORDS.format("error.scoring.missing", "criterion", c.statement()));
                continue;
            }
            Optional<Integer> points = points(value);
            if (points.isEmpty() || !scale.allows(points.get())) {
                errors.add(
                        field,
                        WORDS.format(
                                "error.scoring.offScale",
                                "highest",
                                scale.highest(),
                                "criterion",
                                c.statement()));
                continue;
            }
            Score score = scoring.score(who, paper, c.id(), points.get(), now);
            store.save(score, audited(who, score, earlier(scoresBefore, score)));
        }
        if (!errors.isEmpty()) return new Saved.Invalid(errors, posted);
        return done(who, role, panel, papers, conflicts, finishedBefore, applicantId, now);
    }

    /** After a score or a conflict: tell the team once if this member has now finished, and find their next applicant. */
    private Saved.Done done(
            StaffMember who,
            Role role,
            RolePanel panel,
            List<AnonymisedApplication> papers,
            List<Conflict> conflicts,
            boolean finishedBefore,
            String applicantId,
            Instant now) {
        List<Score> scores = store.forRole(role.id());
        List<String> messages = new ArrayList<>();
        if (!finishedBefore && PanelProgress.finished(who.id(), role, papers, scores, conflicts)) {
            OutboxMessage m =
                    finishedMessage(
                            role,
                            who,
                            PanelProgress.finishedCount(role, panel, papers, scores, conflicts),
                            now);
            if (outbox.addOnce(m)) messages.add(m.id());
        }
        return new Saved.Done(
                PanelProgress.nextFor(who.id(), role, papers, scores, conflicts, applicantId),
                messages);
    }

    /**
     * A panel member declares a conflict of interest with an applicant ("I know this person"), with an optional short
     * note for staff; stored once with its audit entry. From then on they cannot score that applicant, and the
     * applicant is fully scored without them. Declaring again changes nothing.
     */
    public Saved declareConflict(
            StaffMember who, String roleId, String applicantId, Map<String, String> posted) {
        who.require(Permission.SCORE_APPLICATIONS);
        Role role = PanelProgress.beingShortlisted(roles, roleId);
        RolePanel panel = panels.panelOf(roleId, Read.EVENTUAL);
        PanelProgress.requireOnPanel(who, panel);
        if (store.decision(roleId).isPresent())
            throw new ShortlistingPanel.Refused(WORDS.get("error.conflict.recorded"));
        List<AnonymisedApplication> papers = store.papers(roleId);
        PanelProgress.indexOf(papers, applicantId);
        String note = posted.getOrDefault(CONFLICT_NOTE, "").strip();
        if (note.length() > Conflict.NOTE_LENGTH) {
            FieldErrors errors = new FieldErrors();
            errors.add(
                    CONFLICT_NOTE,
                    WORDS.format("error.conflict.noteTooLong", "count", Conflict.NOTE_LENGTH));
            return new Saved.Invalid(errors, posted);
        }
        Instant now = clock.instant();
        List<Conflict> before = store.conflicts(roleId);
        boolean finishedBefore =
                PanelProgress.finished(who.id(), role, papers, store.forRole(roleId), before);
        store.declareConflict(
                new Conflict(roleId, applicantId, who.id(), note, now),
                AuditEntry.by(
                        who,
                        "declared a conflict of interest with applicant " + applicantId,
                        AuditViewer.Kind.ROLE.record(roleId),
                        now,
                        "may score",
                        "conflict of interest"));
        return done(
                who,
                role,
                panel,
                papers,
                store.conflicts(roleId),
                finishedBefore,
                applicantId,
                now);
    }

    /**
     * A score's audit entry: which applicant (by anonymous id only) and criterion, the points before and after, under
     * the role's record, so staff find it on the role's audit trail. It names nobody the panel's pages do not show.
     */
    static AuditEntry audited(StaffMember who, Score score, Optional<Score> earlier) {
        return AuditEntry.by(
                who,
                "scored applicant "
                        + score.applicantId()
                        + " against criterion "
                        + score.criterionId(),
                AuditViewer.Kind.ROLE.record(score.roleId()),
                score.scoredAt(),
                earlier.map(e -> "score " + e.points()).orElse("not scored"),
                "score " + score.points());
    }

    /** This panel member's latest score for the same answer, if they scored it before. */
    private static Optional<Score> earlier(List<Score> scores, Score now) {
        return scores.stream()
                .filter(
                        s ->
                                s.applicantId().equals(now.applicantId())
                                        && s.criterionId().equals(now.criterionId())
                                        && s.panelMemberId().equals(now.panelMemberId()))
                .max(Comparator.comparing(Score::scoredAt));
    }

    private static Optional<Integer> points(String value) {
        return value.matches("\\d{1,2}") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    /** Once per panel member and role: the id names both, so saving again sends nothing more. */
    static String finishedMessageId(Role role, StaffMember who) {
        return "panel-scored-" + role.id() + "-" + who.id();
    }

    private OutboxMessage finishedMessage(
            Role role, StaffMember who, int finishedCount, Instant now) {
        String count =
                finishedCount == 1
                        ? WORDS.get("email.panelScored.countOne")
                        : WORDS.format("email.panelScored.countMany", "count", finishedCount);
        var email =
                new Letter()
                        .paragraph(
                                WORDS.format(
                                        "email.panelScored.scored",
                                        "role",
                                        role.title(),
                                        "programme",
                                        role.programme()))
                        .paragraph(WORDS.format("email.panelScored.next", "count", count))
                        .link(
                                WORDS.get("email.panelScored.link"),
                                staffSiteUrl + StaffPaths.SHORTLISTING_RESULTS.fill(role.id()))
                        .to(
                                role.contact().teamEmail(),
                                WORDS.format(
                                        "email.panelScored.subject",
                                        "count",
                                        count,
                                        "role",
                                        role.title()));
        return new OutboxMessage(finishedMessageId(role, who), email, now, now, 0, "panel-scored");
    }
}
