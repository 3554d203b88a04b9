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

        record Refused(List<String> reasons) implements Outcome {
            public Refused {
                reasons = List.copyOf(reasons);
            }
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
        List<String> reasons = new ArrayList<>();
        if (role.status() != RoleStatus.SHORTLISTING)
            reasons.add(WORDS.get("error.shortlist.notShortlisting"));
        Map<String, ApplicantResult> byId =
                results.stream()
                        .collect(
                                Collectors.toMap(
                                        ApplicantResult::applicantId, Function.identity()));
        Set<String> invited = new HashSet<>(invitedIds);
        if (invited.isEmpty()) reasons.add(WORDS.get("error.shortlist.noneInvited"));
        for (String id : invited)
            if (!byId.containsKey(id))
                reasons.add(WORDS.format("error.shortlist.unknownApplicant", "applicant", id));
        for (ApplicantResult r : results)
            if (!r.scorable())
                reasons.add(
                        WORDS.format(
                                "error.shortlist.everyoneConflicted",
                                "applicant",
                                r.applicantId()));
            else if (!r.fullyScored())
                reasons.add(
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
                                        r.conflicts()));
        String reason = highVolumeReason == null ? "" : highVolumeReason.strip();
        if (highVolume && reason.isEmpty())
            reasons.add(WORDS.get("error.shortlist.highVolumeReason"));
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

    private static List<String> disabilityConfident(
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
                                    WORDS.format(
                                            "error.shortlist.disabilityConfident",
                                            "applicant",
                                            r.applicantId()))
                    .toList();
        }
        List<ApplicantResult> in =
                guaranteed.stream().filter(r -> invited.contains(r.applicantId())).toList();
        if (in.isEmpty())
            return List.of(WORDS.get("error.shortlist.disabilityConfidentNoneInvited"));
        ApplicantResult weakestIn =
                in.stream()
                        .min(java.util.Comparator.comparingDouble(ApplicantResult::essentialTotal))
                        .get();
        return left.stream()
                .filter(r -> r.essentialTotal() > weakestIn.essentialTotal())
                .map(
                        r ->
                                WORDS.format(
                                        "error.shortlist.disabilityConfidentBetter",
                                        "applicant",
                                        r.applicantId(),
                                        "invited",
                                        weakestIn.applicantId()))
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
