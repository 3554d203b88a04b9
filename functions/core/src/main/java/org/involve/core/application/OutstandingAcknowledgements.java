package org.involve.core.application;

import java.time.Instant;
import java.util.List;

/**
 * Applications not yet acknowledged: an e-mail not yet sent (or undeliverable), or a telephone or post
 * acknowledgement staff have not yet recorded.
 */
public interface OutstandingAcknowledgements {
    /**
     * Outstanding applications submitted at or before {@code submittedBy}, oldest first. Kept as a sparse index
     * that holds only outstanding applications (an item leaves it when acknowledged), so it is queried, never scanned.
     */
    List<Application> submittedBy(Instant submittedBy);
}
