package org.involve.core.staff;

import org.involve.core.kit.AnswerRules;

/**
 * A person in the panel group, as a role's panel keeps them: the sign-in service's id (what access checks and the audit
 * trail use), the name staff choose them by, and the address "ready for scoring" goes to.
 */
public record PanelMember(String id, String name, String email) {
    public PanelMember {
        if (id == null || !id.matches("[A-Za-z0-9_:.@-]{1,128}"))
            throw new IllegalArgumentException("A panel member needs the sign-in service's id");
        if (name == null || name.isBlank())
            throw new IllegalArgumentException("A panel member needs a name to show");
        if (email == null || AnswerRules.email(email).isPresent())
            throw new IllegalArgumentException(
                    "A panel member needs an email address in the correct format");
    }

    public static PanelMember of(StaffMember who) {
        return new PanelMember(who.id(), who.displayName(), who.email());
    }
}
