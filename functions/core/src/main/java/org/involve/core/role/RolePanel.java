package org.involve.core.role;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.involve.core.kit.Version;
import org.involve.core.staff.PanelMember;

/**
 * The people staff chose to shortlist a role: only they see its papers and score them, and they are e-mailed when it
 * closes. Kept with the role; a role no one has chosen a panel for has an empty one.
 */
public record RolePanel(List<PanelMember> members) {
    public RolePanel {
        members = List.copyOf(members == null ? List.of() : members);
        Set<String> ids = new HashSet<>();
        for (PanelMember m : members)
            if (!ids.add(m.id()))
                throw new IllegalArgumentException("A panel lists each person once");
    }

    public static RolePanel none() {
        return new RolePanel(List.of());
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public boolean includes(String memberId) {
        return member(memberId).isPresent();
    }

    public Optional<PanelMember> member(String memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    public List<String> ids() {
        return members.stream().map(PanelMember::id).toList();
    }

    /** The members of this panel who are not on {@code before}. */
    public List<PanelMember> addedSince(RolePanel before) {
        return members.stream().filter(m -> !before.includes(m.id())).toList();
    }

    /**
     * The panel as a version the form choosing it carries: its members' sign-in ids in order. Anyone added or taken
     * off gives another.
     */
    public String version() {
        return Version.of("panel:" + String.join(" ", ids().stream().sorted().toList()));
    }
}
