package org.involve.core.shortlisting;

import org.involve.core.audit.AuditEntry;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is invited to interview, recorded by whom and when. Disability Confident is a promise: an applicant who
 * asked for it and meets every essential criterion is invited. Only in a high-volume round, with the reason
 * written down, may some of them be left out, and then only those who meet the criteria less well than every
 * one who is invited ("those who best meet them").
 */
public record ShortlistDecision(String roleId, List<String> invited, String decidedBy, Instant decidedAt,
                                boolean highVolume, String highVolumeReason) {

    public ShortlistDecision {
        invited = List.copyOf(invited);
    }

    public sealed interface Outcome {
        /** Recorded; {@code warnings} are things staff should know but that do not stop the decision. */
        record Recorded(ShortlistDecision decision, List<String> warnings, AuditEntry audit) implements Outcome {}

        record Refused(List<String> reasons) implements Outcome {
            public Refused {
                reasons = List.copyOf(reasons);
            }
        }
    }

    public static Outcome decide(Role role, List<ApplicantResult> results, Collection<String> invitedIds,
                                 boolean highVolume, String highVolumeReason, StaffMember by, Instant at) {
        by.require(Permission.RECORD_SHORTLIST);
        List<String> reasons = new ArrayList<>();
        if (role.status() != RoleStatus.SHORTLISTING) reasons.add("The shortlist can be recorded only while the role is being shortlisted.");
        Map<String, ApplicantResult> byId = results.stream().collect(Collectors.toMap(ApplicantResult::applicantId, Function.identity()));
        Set<String> invited = new HashSet<>(invitedIds);
        if (invited.isEmpty()) reasons.add("Choose at least one applicant to invite to interview.");
        for (String id : invited) if (!byId.containsKey(id)) reasons.add("Applicant " + id + " is not one of this role's applicants.");
        for (ApplicantResult r : results)
            if (!r.fullyScored()) reasons.add("Applicant " + r.applicantId() + " has not been scored against every criterion yet.");
        String reason = highVolumeReason == null ? "" : highVolumeReason.strip();
        if (highVolume && reason.isEmpty()) reasons.add("Say why this round is high volume, so the decision can be explained later.");
        reasons.addAll(disabilityConfident(results, invited, highVolume));
        if (!reasons.isEmpty()) return new Outcome.Refused(reasons);

        List<String> inRankOrder = results.stream().map(ApplicantResult::applicantId).filter(invited::contains).toList();
        ShortlistDecision d = new ShortlistDecision(role.id(), inRankOrder, by.id(), at, highVolume, highVolume ? reason : "");
        AuditEntry audit = AuditEntry.by(by, "recorded the shortlist: " + inRankOrder.size() + " invited to interview"
                + (highVolume ? " (high volume)" : ""), "role:" + role.id(), at, "scoring", "shortlist recorded");
        return new Outcome.Recorded(d, warnings(role, results, invited), audit);
    }

    private static List<String> disabilityConfident(List<ApplicantResult> results, Set<String> invited, boolean highVolume) {
        List<ApplicantResult> guaranteed = results.stream().filter(ApplicantResult::guaranteedInterview).toList();
        List<ApplicantResult> left = guaranteed.stream().filter(r -> !invited.contains(r.applicantId())).toList();
        if (left.isEmpty()) return List.of();
        if (!highVolume) {
            return left.stream().map(r -> "Applicant " + r.applicantId() + " asked to be considered under the Disability Confident scheme and meets "
                    + "every essential criterion, so must be offered an interview.").toList();
        }
        List<ApplicantResult> in = guaranteed.stream().filter(r -> invited.contains(r.applicantId())).toList();
        if (in.isEmpty()) return List.of("Even at high volume, the Disability Confident applicants who best meet the essential criteria must be "
                + "offered an interview, and none of them is invited.");
        ApplicantResult weakestIn = in.stream().min(java.util.Comparator.comparingDouble(ApplicantResult::essentialTotal)).get();
        return left.stream().filter(r -> r.essentialTotal() > weakestIn.essentialTotal())
                .map(r -> "At high volume, the Disability Confident applicants who best meet the essential criteria are interviewed: applicant "
                        + r.applicantId() + " meets them better than applicant " + weakestIn.applicantId() + ", who is invited.")
                .toList();
    }

    private static List<String> warnings(Role role, List<ApplicantResult> results, Set<String> invited) {
        List<String> w = new ArrayList<>();
        long withConnection = results.stream().filter(r -> invited.contains(r.applicantId()) && r.priorityConnection()).count();
        if (withConnection < role.priorityPlaces()) {
            w.add((withConnection == 0 ? "None" : "Only " + withConnection) + " of the applicants invited "
                    + (withConnection == 1 ? "has" : "have") + " a connection with the priority communities, and the role has "
                    + role.priorityPlaces() + (role.priorityPlaces() == 1 ? " place" : " places") + " for them.");
        }
        if (invited.size() < role.places()) {
            w.add("You are inviting " + invited.size() + " to interview for " + role.places() + (role.places() == 1 ? " place." : " places."));
        }
        return w;
    }
}
