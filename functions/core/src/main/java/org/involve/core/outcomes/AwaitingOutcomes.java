package org.involve.core.outcomes;

import java.time.Instant;
import java.util.List;
import org.involve.core.application.Application;

/**
 * The applications whose applicant has not heard their outcome ({@link OutcomeFacts#heard} is false), found without
 * reading those who have: what a read costs is what is still awaited, however many applications are kept. The
 * outcome reminder and the staff outcomes page start here.
 */
public interface AwaitingOutcomes {
    /** Every application submitted at or before {@code by} whose applicant has not heard, oldest first. */
    List<Application> awaitingOutcome(Instant by);
}
