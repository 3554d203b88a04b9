package org.involve.core.partners;

/** A partner may pause or retire at any time; a role ends at the end of its tenure. */
public enum PartnerStatus {
    ACTIVE,
    PAUSED,
    RETIRED,
    ENDED
}
