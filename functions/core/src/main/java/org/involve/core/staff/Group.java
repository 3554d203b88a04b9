package org.involve.core.staff;

import java.util.Locale;
import java.util.Optional;

/** The sign-in groups (Cognito groups in AWS, local users locally). A person may be in more than one. */
public enum Group {
    /** Programme staff (the PPI team): run recruitment from start to finish. */
    STAFF,
    /** Shortlisting panel members: score anonymised applications and nothing else. */
    PANEL,
    /** Finance and payroll: approved payments only. */
    FINANCE;

    /** The group's name as the sign-in service spells it: "staff", "panel", "finance". */
    public String claimName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a group from a sign-in claim; unknown names are ignored rather than guessed. */
    public static Optional<Group> fromClaim(String name) {
        if (name == null) return Optional.empty();
        for (Group g : values())
            if (g.claimName().equals(name.strip().toLowerCase(Locale.ROOT))) return Optional.of(g);
        return Optional.empty();
    }
}
