package org.involve.core.staff;

import java.util.EnumSet;
import java.util.Set;
import org.involve.core.kit.AnswerRules;

/**
 * A signed-in member of staff, panel or finance. {@code id} is the sign-in service's opaque subject id:
 * it is what the audit trail records, so the trail names nobody.
 */
public record StaffMember(String id, String displayName, String email, Set<Group> groups) {
    public StaffMember {
        if (id == null || !id.matches("[A-Za-z0-9_:.@-]{1,128}"))
            throw new IllegalArgumentException("A staff member needs the sign-in service's id");
        if (displayName == null || displayName.isBlank())
            throw new IllegalArgumentException("A staff member needs a name to show");
        if (email == null || AnswerRules.email(email).isPresent())
            throw new IllegalArgumentException(
                    "A staff member needs an email address in the correct format");
        groups = groups == null || groups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groups));
    }

    public boolean in(Group group) {
        return groups.contains(group);
    }

    public boolean may(Permission permission) {
        return groups.stream().anyMatch(permission::grantedTo);
    }

    /** Refuses, with a message that can be shown, unless one of this person's groups allows it. */
    public void require(Permission permission) {
        if (!may(permission)) throw new AccessDenied(permission);
    }
}
