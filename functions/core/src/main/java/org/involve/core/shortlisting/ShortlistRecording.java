package org.involve.core.shortlisting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditTrail;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Read;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff record who is invited to interview (the rules are {@link ShortlistDecision}'s), and the applications move on:
 * those invited to INVITED_TO_INTERVIEW, the other RECEIVED ones to NOT_SHORTLISTED, each step with its audit entry.
 * The panel knows applicants only by anonymous id; this is where (staff side, holding the key) ids meet applications
 * again. Recording twice changes nothing: the decision is stored once, and a second attempt only finishes any step
 * the first left undone. The role's team is e-mailed once, with a link to arrange interviews.
 */
public final class ShortlistRecording {
    private static final Words WORDS = Words.of("shortlisting");
    private final RoleReader roles;
    private final RolePanels panels;
    private final ShortlistStore store;
    private final RoundApplications applications;
    private final PanelPapers papers;
    private final AnonymousIds ids;
    private final ScoreScale scale;
    private final OutboxWriter outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final String staffSiteUrl;

    public ShortlistRecording(
            RoleReader roles,
            RolePanels panels,
            ShortlistStore store,
            RoundApplications applications,
            AnonymousIds ids,
            ScoreScale scale,
            OutboxWriter outbox,
            AuditTrail audit,
            Clock clock,
            String staffSiteUrl) {
        this.roles = roles;
        this.panels = panels;
        this.store = store;
        this.applications = applications;
        this.papers = new PanelPapers(applications, store, ids);
        this.ids = ids;
        this.scale = scale;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /**
     * What the staff page shows: the results in rank order, how many RECEIVED applications still have no paper, and
     * the decision if one is recorded (with the warnings it carries).
     */
    public record Proposal(
            Role role,
            List<ApplicantResult> results,
            long unprepared,
            Optional<ShortlistDecision> decision,
            List<String> warnings,
            RolePanel panel,
            List<DeclaredConflict> conflicts) {
        /** The version of the panel's scores this page shows, which the form recording the shortlist carries. */
        public String version() {
            return versionOf(results);
        }
    }

    /** A conflict of interest as staff see it: the applicant's anonymous id, who declared it (by name) and their note. */
    public record DeclaredConflict(String applicantId, String panelMember, String note) {}

    /**
     * The version of the panel's scores: every panel member's points for every criterion of every applicant, in a
     * fixed order (everything else in the results follows from them and from the applications).
     */
    public static String versionOf(List<ApplicantResult> results) {
        StringBuilder text = new StringBuilder();
        results.stream()
                .sorted(Comparator.comparing(ApplicantResult::applicantId))
                .forEach(
                        r -> {
                            text.append(r.applicantId()).append('{');
                            r.criteria().stream()
                                    .sorted(Comparator.comparing(CriterionResult::criterionId))
                                    .forEach(
                                            c ->
                                                    text.append(c.criterionId())
                                                            .append('=')
                                                            .append(
                                                                    new TreeMap<>(
                                                                            c
                                                                                    .pointsByPanelMember()))
                                                            .append(';'));
                            text.append('}');
                        });
        return Version.of(text.toString());
    }

    /** The panel's scores changed after the page was read: no shortlist was recorded. */
    public static final class ScoresChangedMeanwhile extends org.involve.core.kit.Refused {
        public ScoresChangedMeanwhile() {
            super(WORDS.get("error.record.scoresChangedMeanwhile"));
        }
    }

    public sealed interface Outcome {
        record Refused(List<ShortlistDecision.Reason> problems) implements Outcome {
            public List<String> reasons() {
                return problems.stream().map(ShortlistDecision.Reason::message).toList();
            }
        }

        /** @param messageIds e-mails written now (announced by the outbox as it wrote them) */
        record Recorded(ShortlistDecision decision, boolean now, List<String> messageIds)
                implements Outcome {}
    }

    public Proposal proposal(StaffMember who, String roleId) {
        who.require(Permission.RECORD_SHORTLIST);
        Role role = role(roleId);
        List<ApplicantResult> results = results(role);
        Optional<ShortlistDecision> decision = store.decision(roleId);
        List<String> warnings =
                decision.map(d -> warnings(role, results, d, who)).orElse(List.of());
        RolePanel panel = panels.panelOf(roleId, Read.EVENTUAL);
        List<DeclaredConflict> conflicts =
                store.conflicts(roleId).stream()
                        .sorted(
                                Comparator.comparing(Conflict::applicantId)
                                        .thenComparing(Conflict::declaredAt))
                        .map(
                                c ->
                                        new DeclaredConflict(
                                                c.applicantId(),
                                                panel.member(c.panelMemberId())
                                                        .map(PanelMember::name)
                                                        .orElse(
                                                                WORDS.get(
                                                                        "page.shortlist.conflicts.formerMember")),
                                                c.note()))
                        .toList();
        return new Proposal(
                role, results, papers.unprepared(role), decision, warnings, panel, conflicts);
    }

    /** Adds papers for RECEIVED applications that have none, while the shortlist is still open. @return how many were added */
    public int preparePapers(StaffMember who, String roleId) {
        who.require(Permission.RECORD_SHORTLIST);
        Role role = role(roleId);
        if (store.decision(roleId).isPresent())
            throw new ShortlistingPanel.Refused(WORDS.get("error.papers.recorded"));
        int added = papers.prepare(role);
        if (added > 0) {
            audit.append(
                    AuditEntry.by(
                            who,
                            "prepared panel papers: " + added + " added",
                            "role:" + roleId,
                            clock.instant(),
                            RoleStatus.SHORTLISTING.name(),
                            RoleStatus.SHORTLISTING.name()));
        }
        return added;
    }

    public Outcome record(
            StaffMember who,
            String roleId,
            Collection<String> invited,
            boolean highVolume,
            String highVolumeReason,
            String version) {
        who.require(Permission.RECORD_SHORTLIST);
        Role role = role(roleId);
        Optional<ShortlistDecision> existing = store.decision(roleId);
        if (existing.isPresent())
            return new Outcome.Recorded(existing.get(), false, apply(role, existing.get(), who));
        long unprepared = papers.unprepared(role);
        if (unprepared > 0) {
            return new Outcome.Refused(
                    List.of(
                            ShortlistDecision.Reason.of(
                                    ShortlistDecision.About.CHOICE,
                                    unprepared == 1
                                            ? WORDS.get("error.record.unpreparedOne")
                                            : WORDS.format(
                                                    "error.record.unpreparedMany",
                                                    "count",
                                                    unprepared))));
        }
        Instant now = clock.instant();
        List<ApplicantResult> results = results(role);
        // The one check of the version: the scores the page showed are still the panel's scores.
        if (!Version.matches(version, versionOf(results))) throw new ScoresChangedMeanwhile();
        ShortlistDecision.Outcome outcome =
                ShortlistDecision.decide(
                        role, results, invited, highVolume, highVolumeReason, who, now);
        if (outcome instanceof ShortlistDecision.Outcome.Refused r)
            return new Outcome.Refused(r.problems());
        ShortlistDecision.Outcome.Recorded r = (ShortlistDecision.Outcome.Recorded) outcome;
        boolean stored = store.recordDecision(r.decision(), r.audit());
        // Someone else recorded one a moment ago: theirs stands, and is the one carried out.
        ShortlistDecision decision = stored ? r.decision() : store.decision(roleId).orElseThrow();
        return new Outcome.Recorded(decision, stored, apply(role, decision, who));
    }

    /** Moves each application the decision covers that has not moved yet, and tells the team once. */
    private List<String> apply(Role role, ShortlistDecision decision, StaffMember who) {
        List<ApplicantResult> results = results(role);
        Map<String, ApplicantResult> byId = new HashMap<>();
        results.forEach(r -> byId.put(r.applicantId(), r));
        Instant now = clock.instant();
        int notInvited = 0;
        for (Application a : applications.forRole(role.id())) {
            String anonymousId = ids.of(role.id(), a.reference());
            if (!byId.containsKey(anonymousId)) continue; // no paper: not part of this shortlist
            int rank = decision.invited().indexOf(anonymousId);
            if (rank < 0) notInvited++;
            if (a.status() != Application.Status.RECEIVED)
                continue; // already moved (a retry, or recorded before)
            Application.Status to =
                    rank >= 0
                            ? Application.Status.INVITED_TO_INTERVIEW
                            : Application.Status.NOT_SHORTLISTED;
            ShortlistFacts facts =
                    rank >= 0
                            ? ShortlistFacts.invited(
                                    decision.decidedAt(),
                                    rank + 1,
                                    byId.get(anonymousId).guaranteedInterview())
                            : ShortlistFacts.notInvited(decision.decidedAt());
            AuditEntry entry =
                    AuditEntry.by(
                            who,
                            rank >= 0
                                    ? "invited to interview at shortlisting"
                                    : "not invited to interview at shortlisting",
                            "application:" + a.reference(),
                            now,
                            a.status().name(),
                            to.name());
            applications.advance(a, to, facts.asFacts(), entry, List.of());
        }
        OutboxMessage m = recordedMessage(role, decision, notInvited, now);
        return outbox.addOnce(m) ? List.of(m.id()) : List.of();
    }

    private List<ApplicantResult> results(Role role) {
        return new Scoring(role, scale)
                .results(
                        store.papers(role.id()),
                        store.forRole(role.id()),
                        panels.panelOf(role.id(), Read.CONSISTENT),
                        store.conflicts(role.id()));
    }

    /** The warnings the recorded decision carries (too few priority-community applicants invited, fewer than places). */
    private static List<String> warnings(
            Role role, List<ApplicantResult> results, ShortlistDecision d, StaffMember who) {
        var outcome =
                ShortlistDecision.decide(
                        role,
                        results,
                        d.invited(),
                        d.highVolume(),
                        d.highVolumeReason(),
                        who,
                        d.decidedAt());
        return outcome instanceof ShortlistDecision.Outcome.Recorded r ? r.warnings() : List.of();
    }

    private Role role(String roleId) {
        return PanelProgress.beingShortlisted(roles, roleId);
    }

    static String recordedMessageId(Role role) {
        return "shortlist-recorded-" + role.id();
    }

    OutboxMessage recordedMessage(Role role, ShortlistDecision d, int notInvited, Instant now) {
        int invited = d.invited().size();
        Letter l = Letter.of(Words.of("shortlisting"), "shortlistRecorded");
        List<String> lines = new ArrayList<>();
        lines.add(l.words(invited == 1 ? "invited.one" : "invited.many", "count", invited));
        lines.add(
                l.words(
                        notInvited == 1 ? "notInvited.one" : "notInvited.many",
                        "count",
                        notInvited));
        if (d.highVolume()) lines.add(l.words("highVolume", "reason", d.highVolumeReason()));
        var email =
                l.say("recorded", "role", role.title(), "programme", role.programme())
                        .bullets(lines)
                        .say(
                                "interviews",
                                "week",
                                ClosingTime.displayDate(role.interviewWeekCommencing()))
                        .linked("link", staffSiteUrl + StaffPaths.INTERVIEWS_ROLE.fill(role.id()))
                        .send(role.contact().teamEmail(), "role", role.title());
        return new OutboxMessage(recordedMessageId(role), email, now, now, 0, "shortlist-recorded");
    }
}
