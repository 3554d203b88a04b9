package org.involve.core.role;

/**
 * Which exclusions a role applies. Every PPV role excludes NHS England staff; some (the SCG) widen
 * that to all NHS staff. The paid-role limit is part of the organisation's PPV policy.
 */
public record EligibilityPolicy(boolean excludesAllNhsStaff, int maximumPaidRoles) {
    public static EligibilityPolicy standard() {
        return new EligibilityPolicy(false, 3);
    }
}
