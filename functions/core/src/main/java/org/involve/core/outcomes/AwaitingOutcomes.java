package org.involve.core.outcomes;

import java.util.List;
import org.involve.core.application.Application;

/**
 * The applications whose applicant has not heard their outcome ({@link OutcomeFacts#heard} is false), one role at a
 * time, found without reading those who have heard nor those of other roles: the outcome reminder and the staff
 * outcomes page ask only for the roles that owe outcomes (closed, filled or withdrawn), so what a read costs is
 * what is owed, however many applications are kept or still arriving in open rounds.
 */
public interface AwaitingOutcomes {
    /** The applications to the role whose applicant has not heard, in no particular order. */
    List<Application> awaitingOutcome(String roleId);
}
