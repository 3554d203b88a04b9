package org.involve.core.shortlisting;

import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditTrail;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff record who is invited to interview (the rules are {@link ShortlistDecision}'s), and the applications move on:
 * those invited to INVITED_TO_INTERVIEW, the other RECEIVED ones to NOT_SHORTLISTED, each step with its audit entry.
 * The panel knows applicants only by anonymous id; this is where (staff side, holding the key) ids meet applications
 * again. Recording twice changes nothing: the decision is stored once, and a second attempt only finishes any step
 * the first left undone. The role's team is e-mailed once, with a link to arrange interviews.
 */
public final class ShortlistRecording {
    static final String FACT_RECORDED_AT = "shortlist.recordedAt", FACT_RANK = "shortlist.rank",
            FACT_GUARANTEED = "shortlist.guaranteedInterview";
    private final RoleReader roles;
    private final ShortlistStore store;
    private final RoundApplications applications;
    private final PanelPapers papers;
    private final AnonymousIds ids;
    private final ScoreScale scale;
    private final OutboxWriter outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final String staffSiteUrl;

    public ShortlistRecording(RoleReader roles, ShortlistStore store, RoundApplications applications, AnonymousIds ids, ScoreScale scale,
                              OutboxWriter outbox, AuditTrail audit, Clock clock, String staffSiteUrl) {
        this.roles = roles;
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
    public record Proposal(Role role, List<ApplicantResult> results, long unprepared, Optional<ShortlistDecision> decision, List<String> warnings) {}

    public sealed interface Outcome {
        record Refused(List<String> reasons) implements Outcome {}

        /** @param messageIds e-mails written now (announced by the outbox as it wrote them) */
        record Recorded(ShortlistDecision decision, boolean now, List<String> messageIds) implements Outcome {}
    }

    public Proposal proposal(StaffMember who, String roleId) {
        who.require(Permission.RECORD_SHORTLIST);
        Role role = role(roleId);
        List<ApplicantResult> results = results(role);
        Optional<ShortlistDecision> decision = store.decision(roleId);
        List<String> warnings = decision.map(d -> warnings(role, results, d, who)).orElse(List.of());
        return new Proposal(role, results, papers.unprepared(role), decision, warnings);
    }

    /** Adds papers for RECEIVED applications that have none, while the shortlist is still open. @return how many were added */
    public int preparePapers(StaffMember who, String roleId) {
        who.require(Permission.RECORD_SHORTLIST);
        Role role = role(roleId);
        if (store.decision(roleId).isPresent()) throw new ShortlistingPanel.Refused("The shortlist for this role has been recorded, so no more papers can be added.");
        int added = papers.prepare(role);
        if (added > 0) {
            audit.append(AuditEntry.by(who, "prepared panel papers: " + added + " added", "role:" + roleId, clock.instant(),
                    RoleStatus.SHORTLISTING.name(), RoleStatus.SHORTLISTING.name()));
        }
        return added;
    }

    public Outcome record(StaffMember who, String roleId, Collection<String> invited, boolean highVolume, String highVolumeReason) {
        who.require(Permission.RECORD_SHORTLIST);
        Role role = role(roleId);
        Optional<ShortlistDecision> existing = store.decision(roleId);
        if (existing.isPresent()) return new Outcome.Recorded(existing.get(), false, apply(role, existing.get(), who));
        long unprepared = papers.unprepared(role);
        if (unprepared > 0) {
            return new Outcome.Refused(List.of((unprepared == 1 ? "1 application has" : unprepared + " applications have")
                    + " no panel papers yet. Prepare the papers again and ask the panel to score "
                    + (unprepared == 1 ? "it" : "them") + " before recording the shortlist."));
        }
        Instant now = clock.instant();
        List<ApplicantResult> results = results(role);
        ShortlistDecision.Outcome outcome = ShortlistDecision.decide(role, results, invited, highVolume, highVolumeReason, who, now);
        if (outcome instanceof ShortlistDecision.Outcome.Refused r) return new Outcome.Refused(r.reasons());
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
            if (a.status() != Application.Status.RECEIVED) continue; // already moved (a retry, or recorded before)
            Map<String, String> facts = new HashMap<>(Map.of(FACT_RECORDED_AT, decision.decidedAt().toString()));
            Application.Status to;
            if (rank >= 0) {
                to = Application.Status.INVITED_TO_INTERVIEW;
                facts.put(FACT_RANK, String.valueOf(rank + 1));
                if (byId.get(anonymousId).guaranteedInterview()) facts.put(FACT_GUARANTEED, "yes");
            } else {
                to = Application.Status.NOT_SHORTLISTED;
            }
            AuditEntry entry = AuditEntry.by(who, rank >= 0 ? "invited to interview at shortlisting" : "not invited to interview at shortlisting",
                    "application:" + a.reference(), now, a.status().name(), to.name());
            applications.advance(a, to, facts, entry, List.of());
        }
        OutboxMessage m = recordedMessage(role, decision, notInvited, now);
        return outbox.addOnce(m) ? List.of(m.id()) : List.of();
    }

    private List<ApplicantResult> results(Role role) {
        return new Scoring(role, scale).results(store.papers(role.id()), store.forRole(role.id()));
    }

    /** The warnings the recorded decision carries (too few priority-community applicants invited, fewer than places). */
    private static List<String> warnings(Role role, List<ApplicantResult> results, ShortlistDecision d, StaffMember who) {
        var outcome = ShortlistDecision.decide(role, results, d.invited(), d.highVolume(), d.highVolumeReason(), who, d.decidedAt());
        return outcome instanceof ShortlistDecision.Outcome.Recorded r ? r.warnings() : List.of();
    }

    private Role role(String roleId) {
        Role r = roles.find(roleId, Read.EVENTUAL).orElseThrow(() -> new ShortlistingPanel.NotFound("role"));
        if (r.status() != RoleStatus.SHORTLISTING) throw new ShortlistingPanel.NotFound("role");
        return r;
    }

    static String recordedMessageId(Role role) {
        return "shortlist-recorded-" + role.id();
    }

    private OutboxMessage recordedMessage(Role role, ShortlistDecision d, int notInvited, Instant now) {
        int invited = d.invited().size();
        List<String> lines = new ArrayList<>();
        lines.add(invited + (invited == 1 ? " applicant is" : " applicants are") + " invited to interview.");
        lines.add(notInvited + (notInvited == 1 ? " applicant is" : " applicants are") + " not invited. They have not been told yet: "
                + "they hear with the round's outcomes.");
        if (d.highVolume()) lines.add("This was recorded as a high-volume round: " + d.highVolumeReason());
        var email = new Letter()
                .paragraph("The shortlist for " + role.title() + " (" + role.programme() + ") is recorded.")
                .bullets(lines)
                .paragraph("Interviews are planned for the week commencing " + ClosingTime.displayDate(role.interviewWeekCommencing())
                        + ". Please set the interview slots so the invitations can go out.")
                .link("Arrange interviews", staffSiteUrl + "/staff/interviews/" + role.id())
                .to(role.contact().teamEmail(), "Shortlist recorded: " + role.title());
        return new OutboxMessage(recordedMessageId(role), email, now, now, 0, "shortlist-recorded");
    }
}
