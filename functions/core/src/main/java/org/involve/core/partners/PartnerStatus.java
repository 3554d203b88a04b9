package org.involve.core.partners;

/** A partner may pause or retire at any time; a role ends at the end of its tenure. */
public enum PartnerStatus {
    ACTIVE,
    PAUSED,
    RETIRED,
    ENDED;

    /**
     * The involvement has ended (retired, or the tenure ended): the record is kept for the partner retention period from
     * the day it ended, then deleted with the application that led to it (kit.Retention, the retention job).
     */
    public boolean ended() {
        return this == RETIRED || this == ENDED;
    }
}
