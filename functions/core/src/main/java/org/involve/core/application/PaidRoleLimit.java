package org.involve.core.application;

import java.util.Map;
import java.util.Optional;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;

/**
 * A partner may hold at most the policy's number of paid roles at once (3). Another paid role is possible
 * only by declining its payment or stepping down from a paid role before starting.
 */
public final class PaidRoleLimit {
    private PaidRoleLimit() {}

    public static boolean reached(Role role, Map<String, String> answers) {
        if (!role.payment().isPaid()) return false;
        try {
            return Integer.parseInt(answers.getOrDefault(ApplicationForm.PAID_ROLES_HELD, "0"))
                    >= role.eligibility().maximumPaidRoles();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The message to show when the answers would break the limit, or empty when they keep to it. */
    public static Optional<String> breach(Role role, Map<String, String> answers) {
        if (!reached(role, answers)
                || !"accept".equals(answers.get(ApplicationForm.ACCEPTS_PAYMENT)))
            return Optional.empty();
        if ("yes".equals(answers.get(ApplicationForm.STEP_DOWN))) return Optional.empty();
        return Optional.of(
                Words.of("apply")
                        .format(
                                "error.paidRoleLimit",
                                "count",
                                role.eligibility().maximumPaidRoles()));
    }
}
