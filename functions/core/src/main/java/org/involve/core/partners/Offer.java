package org.involve.core.partners;

import java.time.LocalDate;
import org.involve.core.application.Application;
import org.involve.core.role.Role;

/**
 * What staff record when a successful applicant takes up a role: when they start, whether they accept the
 * involvement payment (they may decline it), and, if they already hold the most paid roles anyone may, whether
 * they will step down from one before they start.
 */
public record Offer(
        Role role,
        Application application,
        LocalDate start,
        boolean acceptsPayment,
        boolean willStepDown) {
    public Offer {
        if (role == null || application == null)
            throw new IllegalArgumentException("An offer needs the role and the application");
        if (!role.id().equals(application.roleId()))
            throw new IllegalArgumentException("The application is for a different role");
        if (start == null) throw new IllegalArgumentException("Enter the date they start");
    }
}
