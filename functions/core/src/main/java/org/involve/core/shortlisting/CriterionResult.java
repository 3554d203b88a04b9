package org.involve.core.shortlisting;

import java.util.Map;

/**
 * How the panel scored one applicant on one criterion.
 * @param range the highest score less the lowest: how far the panel members disagree
 * @param meets the average is at least the scale's pass mark (false when nobody has scored it yet)
 */
public record CriterionResult(
        String criterionId,
        String statement,
        boolean essential,
        Map<String, Integer> pointsByPanelMember,
        double average,
        int range,
        boolean disagreement,
        boolean meets) {
    public CriterionResult {
        pointsByPanelMember = Map.copyOf(pointsByPanelMember);
    }

    public boolean scored() {
        return !pointsByPanelMember.isEmpty();
    }
}
