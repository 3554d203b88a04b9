package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Who is invited to interview, recorded by whom and when. Disability Confident is a promise: an applicant who
 * asked for it and meets every essential criterion is invited. Only in a high-volume round, with the reason
 * written down, may some of them be left out, and then only those who meet the criteria less well than every
 * one who is invited ("those who best meet them").
 */
public record ShortlistDecision(
        String roleId,
        List<String> invited,
        String decidedBy,
        Instant decidedAt,
        boolean highVolume,
        String highVolumeReason) {
    private static final Words WORDS = Words.of("shortlisting");

    public ShortlistDecision {
        invited = List.copyOf(invited);
    }

    public sealed interface Outcome {
        /** Recorded; {@code warnings} are things staff should know but that do not stop the decision. */
        record Recorded(ShortlistDecision decision, List<String> warnings, AuditEntry audit)
                implements Outcome {}

        record Refused(List<Reason> problems) implements Outcome {
            public Refused {
                problems = List.copyOf(problems);
            }

            public List<String> reasons() {
                return problems.stream().map(Reason::message).toList();
            }
        }
    }

    /** What the shortlist's refusal is about, so the error summary links to the question to put right. */
    public enum About {
        /** Who is invited, as a whole (or the role itself). */
        CHOICE,
        /** One applicant, named by {@link Reason#applicantId()}. */
        APPLICANT,
        /** The reason given for a high-volume round. */
        HIGH_VOLUME_REASON
    }

    /** @param applicantId the applicant it is about when {@code about} is APPLICANT, else null */
    public record Reason(String message, About about, String applicantId) {
        public static Reason about(String applicantId, String message) {
            return new Reason(message, About.APPLICANT, applicantId);
        }

        public static Reason of(About about, String message) {
            return new Reason(message, about, null);
        }
    }

    public static Outcome decide(
            Role role,
            List<ApplicantResult> results,
            Collection<String> invitedIds,
            boolean highVolume,
            String highVolumeReason,
            StaffMember by,
            Instant at) {
        by.require(Permission.RECORD_SHORTLIST);
        List<Reason> reasons = new ArrayList<>();
        if (role.status() != RoleStatus.SHORTLISTING)
            reasons.add(Reason.of(About.CHOICE, WORDS.get("error.shortlist.notShortlisting")));
        Map<String, ApplicantResult> byId =
                results.stream()
                        .collect(
                                Collectors.toMap(
                                        ApplicantResult::applicantId, Function.identity()));
        Set<String> invited = new HashSet<>(invitedIds);
        if (invited.isEmpty())
            reasons.add(Reason.of(About.CHOICE, WORDS.get("error.shortlist.noneInvited")));
        // Not one of this role's applicants, so there is no box of theirs to link to.
        for (String id : invited)
            if (!byId.containsKey(id))
                reasons.add(
                        Reason.of(
                                About.CHOICE,
                                WORDS.format("error.shortlist.unknownApplicant", "applicant", id)));
        for (ApplicantResult r : results)
            if (!r.scorable())
                reasons.add(
                        Reason.about(
                                r.applicantId(),
                                WORDS.format(
                                        "error.shortlist.everyoneConflicted",
                                        "applicant",
                                        r.applicantId())));
            else if (!r.fullyScored())
                reasons.add(
                        Reason.about(
                                r.applicantId(),
                                r.conflicts() == 0
                                        ? WORDS.format(
                                                "error.shortlist.notFullyScored",
                                                "applicant",
                                                r.applicantId())
                                        : WORDS.format(
                                                "error.shortlist.notFullyScoredConflicts",
                                                "applicant",
                                                r.applicantId(),
                                                "count",
                                                r.conflicts())));
        String reason = highVolumeReason == null ? "" : highVolumeReason.strip();
        if (highVolume && reason.isEmpty())
            reasons.add(
                    Reason.of(
                            About.HIGH_VOLUME_REASON,
                            WORDS.get("error.shortlist.highVolumeReason")));
        reasons.addAll(disabilityConfident(results, invited, highVolume));
        if (!reasons.isEmpty()) return new Outcome.Refused(reasons);

        List<String> inRankOrder =
                results.stream()
                        .map(ApplicantResult::applicantId)
                        .filter(invited::contains)
                        .toList();
        ShortlistDecision d =
                new ShortlistDecision(
                        role.id(), inRankOrder, by.id(), at, highVolume, highVolume ? reason : "");
        AuditEntry audit =
                AuditEntry.by(
                        by,
                        "recorded the shortlist: "
                                + inRankOrder.size()
                                + " invited to interview"
                                + (highVolume ? " (high volume)" : ""),
                        "role:" + role.id(),
                        at,
                        "scoring",
                        "shortlist recorded");
        return new Outcome.Recorded(d, warnings(role, results, invited), audit);
    }

    private static List<Reason> disabilityConfident(
            List<ApplicantResult> results, Set<String> invited, boolean highVolume) {
        List<ApplicantResult> guaranteed =
                results.stream().filter(ApplicantResult::guaranteedInterview).toList();
        List<ApplicantResult> left =
                guaranteed.stream().filter(r -> !invited.contains(r.applicantId())).toList();
        if (left.isEmpty()) return List.of();
        if (!highVolume) {
            return left.stream()
                    .map(
                            r ->
                                    Reason.about(
                                            r.applicantId(),
                                            WORDS.format(
                                                    "error.shortlist.disabilityConfident",
                                                    "applicant",
                                                    r.applicantId())))
                    .toList();
        }
        List<ApplicantResult> in =
                guaranteed.stream().filter(r -> invited.contains(r.applicantId())).toList();
        if (in.isEmpty())
            return List.of(
                    Reason.of(
                            About.CHOICE,
                            WORDS.get("error.shortlist.disabilityConfidentNoneInvited")));
        ApplicantResult weakestIn =
                in.stream()
                        .min(java.util.Comparator.comparingDouble(ApplicantResult::essentialTotal))
                        .get();
        return left.stream()
                .filter(r -> r.essentialTotal() > weakestIn.essentialTotal())
                .map(
                        r ->
                                Reason.about(
                                        r.applicantId(),
                                        WORDS.format(
                                                "error.shortlist.disabilityConfidentBetter",
                                                "applicant",
                                                r.applicantId(),
                                                "invited",
                                                weakestIn.applicantId())))
                .toList();
    }

    private static List<String> warnings(
            Role role, List<ApplicantResult> results, Set<String> invited) {
        List<String> w = new ArrayList<>();
        long withConnection =
                results.stream()
                        .filter(r -> invited.contains(r.applicantId()) && r.priorityConnection())
                        .count();
        if (withConnection < role.priorityPlaces()) {
            // Fewer than the places: only "none" can meet a role with one priority place.
            String which =
                    withConnection == 0
                            ? (role.priorityPlaces() == 1 ? "none.one" : "none.many")
                            : withConnection == 1 ? "one" : "some";
            w.add(
                    WORDS.format(
                            "warning.priority." + which,
                            "count",
                            withConnection,
                            "places",
                            role.priorityPlaces()));
        }
        if (invited.size() < role.places()) {
            w.add(
                    WORDS.format(
                            "warning.fewerThanPlaces",
                            "invited",
                            invited.size(),
                            "places",
                            role.places()));
        }
        return w;
    }
}
