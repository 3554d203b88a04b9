package org.involve.core.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;

/** Finding roles and applications for the staff application pages, the same way for each of them. */
final class StaffLookup {
    private StaffLookup() {}

    /** Roles that can have applications: every role but drafts, found through the status index. */
    static List<Role> publishedRoles(RoleReader roles) {
        return roles.all().stream().filter(r -> r.status() != RoleStatus.DRAFT).toList();
    }

    /** The published roles by id. */
    static Map<String, Role> publishedById(RoleReader roles) {
        Map<String, Role> byId = new LinkedHashMap<>();
        publishedRoles(roles).forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    static Role role(RoleReader roles, String roleId) {
        return roles.find(roleId, Read.CONSISTENT)
                .orElseThrow(() -> new NoSuchRoleOrApplication("role"));
    }

    static Application application(RoundApplications round, String reference) {
        if (reference == null || !reference.matches("INV-[0-9A-Z]{4}-[0-9A-Z]{4}"))
            throw new NoSuchRoleOrApplication("application");
        return round.findByReference(reference, Read.CONSISTENT)
                .orElseThrow(() -> new NoSuchRoleOrApplication("application"));
    }

    /** What the applicant declared that means the team talks to them first; empty unless it is held for that. */
    static List<String> declared(Role role, Application app) {
        Eligibility.Outcome o = Eligibility.check(role, app.answers());
        return o.verdict() == Eligibility.Verdict.TALK_TO_US_FIRST ? o.reasons() : List.of();
    }

    /** The audit trail's name for the application. */
    static String record(Application app) {
        return "application:" + app.reference();
    }
}
