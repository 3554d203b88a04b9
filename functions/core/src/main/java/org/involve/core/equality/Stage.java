package org.involve.core.equality;

import java.util.EnumSet;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.kit.Words;

/**
 * How far through a recruitment round an applicant got, for the equality report. Each stage counts everyone who reached
 * it, whatever happened after (someone appointed was also shortlisted and interviewed). Someone who withdrew counts
 * as having applied only, because the application does not say how far they had got.
 */
public enum Stage {
    APPLIED(EnumSet.allOf(Status.class)),
    SHORTLISTED(
            EnumSet.of(
                    Status.INVITED_TO_INTERVIEW,
                    Status.INTERVIEW_BOOKED,
                    Status.DID_NOT_ATTEND,
                    Status.NOT_APPOINTED,
                    Status.RESERVE,
                    Status.REFERENCES_REQUESTED,
                    Status.REFERENCES_RECEIVED,
                    Status.APPOINTED)),
    INTERVIEWED(
            EnumSet.of(
                    Status.NOT_APPOINTED,
                    Status.RESERVE,
                    Status.REFERENCES_REQUESTED,
                    Status.REFERENCES_RECEIVED,
                    Status.APPOINTED)),
    APPOINTED(EnumSet.of(Status.APPOINTED));

    private final Set<Status> reachedBy;

    Stage(Set<Status> reachedBy) {
        this.reachedBy = reachedBy;
    }

    public boolean reachedBy(Application application) {
        return reachedBy.contains(application.status());
    }

    /** The stage in words, from stage.NAME in content/equality. */
    public String label() {
        return Words.of("equality").get("stage." + name());
    }
}
