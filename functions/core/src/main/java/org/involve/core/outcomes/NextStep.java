package org.involve.core.outcomes;

import org.involve.core.application.Application;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;

/**
 * What staff do next so that an applicant who has not heard gets an outcome, and the staff page that does it. The
 * outcomes pages and the weekly e-mail show it for every applicant still waiting.
 *
 * @param action the action's name (its words are {@code action.NAME} in content/outcomes)
 * @param path   the staff page (a path on the staff site) that does it
 */
public record NextStep(String action, String path) {

    /** The next step for {@code a}, an applicant of {@code role} who has not heard. */
    public static NextStep of(Role role, Application a) {
        String roleId = role.id(), ref = a.reference();
        if (OutcomeFacts.taskOpen(a))
            return new NextStep("tell", StaffPaths.OUTCOMES_ROLE.fill(roleId));
        if (Outcomes.owedUnsuccessful(role, a))
            return new NextStep(
                    role.status() == RoleStatus.WITHDRAWN ? "tellWithdrawn" : "send",
                    StaffPaths.OUTCOMES_SEND.fill(roleId));
        return switch (a.status()) {
            case RECEIVED, HELD_TO_TALK_FIRST ->
                    new NextStep("shortlist", StaffPaths.SHORTLISTING_ROLE.fill(roleId));
            case INVITED_TO_INTERVIEW ->
                    new NextStep("booking", StaffPaths.INTERVIEWS_ROLE.fill(roleId));
            case INTERVIEW_BOOKED ->
                    new NextStep("result", StaffPaths.REFERENCE_CANDIDATE.fill(roleId, ref));
            case REFERENCES_REQUESTED ->
                    new NextStep("references", StaffPaths.REFERENCE_CANDIDATE.fill(roleId, ref));
            case REFERENCES_RECEIVED ->
                    new NextStep("appoint", StaffPaths.PARTNERS_ROLE.fill(roleId));
            case RESERVE -> new NextStep("reserve", StaffPaths.OUTCOMES_ROLE.fill(roleId));
            default -> new NextStep("look", StaffPaths.OUTCOMES_ROLE.fill(roleId));
        };
    }

    /** The action in words, for a link or a line of an e-mail. */
    public String words() {
        return Words.of("outcomes").get("action." + action);
    }
}
