package org.involve.core.payments;

/** Where a claim is: kept half-made, waiting for staff, or decided. */
public enum ClaimStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED
}
