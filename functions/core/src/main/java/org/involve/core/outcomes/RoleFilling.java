package org.involve.core.outcomes;

import java.time.Instant;
import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleEditor;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.staff.StaffMember;

/**
 * A shortlisting role is FILLED once every applicant has an outcome (or withdrew, or did not attend): nobody is left mid-round, so no later step
 * (interviews, references) can still need the role open. All places being taken is not enough on its own: other
 * applicants may still be waiting at interview or references, and they must hear too.
 */
public final class RoleFilling {
    private final RoleEditor roles;
    private final RoundApplications round;

    public RoleFilling(RoleEditor roles, RoundApplications round) {
        this.roles = roles;
        this.round = round;
    }

    /** @return true if this call moved the role to FILLED */
    public boolean fillIfEveryoneHasAnOutcome(String roleId, StaffMember by, Instant now) {
        Role role = roles.find(roleId, Read.CONSISTENT).orElse(null);
        if (role == null || role.status() != RoleStatus.SHORTLISTING) return false;
        List<Application> apps = round.forRole(roleId);
        if (apps.isEmpty() || !apps.stream().allMatch(OutcomeFacts::decided)) return false;
        try {
            roles.replace(
                    role,
                    role.withStatus(RoleStatus.FILLED),
                    AuditEntry.by(
                            by,
                            "role filled: every applicant has an outcome",
                            "role:" + roleId,
                            now,
                            RoleStatus.SHORTLISTING.name(),
                            RoleStatus.FILLED.name()));
            return true;
        } catch (Roles.ChangedSince e) {
            return false; // someone else changed it; the next outcome sent looks again
        }
    }
}
