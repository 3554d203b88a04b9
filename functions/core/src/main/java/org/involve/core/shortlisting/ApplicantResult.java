package org.involve.core.shortlisting;

import java.util.List;

/**
 * One applicant's scores as the panel sees them. Totals add the panel's average for each criterion, so an
 * applicant scored by three panel members is not ahead of one scored by two.
 * @param fullyScored every criterion has at least one score or, with a panel chosen, every panel member without a
 *     conflict of interest has scored every criterion
 * @param conflicts how many panel members declared a conflict of interest with this applicant
 * @param scorable someone may score this applicant (with a panel, at least one member has no conflict)
 * @param guaranteedInterview asked to be considered under Disability Confident and meets every essential criterion
 * @param priorityConnection told us of a connection with the role's priority communities
 */
public record ApplicantResult(
        String applicantId,
        List<CriterionResult> criteria,
        double essentialTotal,
        double desirableTotal,
        boolean fullyScored,
        boolean meetsAllEssentials,
        boolean disabilityConfident,
        boolean guaranteedInterview,
        boolean priorityConnection,
        int conflicts,
        boolean scorable) {
    public ApplicantResult {
        criteria = List.copyOf(criteria);
    }

    /** The criteria on which panel members' scores are far enough apart to talk over. */
    public List<String> disagreements() {
        return criteria.stream()
                .filter(CriterionResult::disagreement)
                .map(CriterionResult::criterionId)
                .toList();
    }

    public boolean hasDisagreement() {
        return criteria.stream().anyMatch(CriterionResult::disagreement);
    }
}
