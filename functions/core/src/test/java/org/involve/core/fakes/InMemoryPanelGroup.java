package org.involve.core.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.staff.Group;
import org.involve.core.staff.PanelGroup;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;

/** The panel group as sign-ins record it, in memory. */
public final class InMemoryPanelGroup implements PanelGroup {
    public final Map<String, PanelMember> members = new ConcurrentHashMap<>();

    public InMemoryPanelGroup(StaffMember... signedIn) {
        for (StaffMember m : signedIn) signedIn(m);
    }

    @Override
    public List<PanelMember> members() {
        return members.values().stream()
                .sorted(Comparator.comparing(PanelMember::name).thenComparing(PanelMember::id))
                .toList();
    }

    @Override
    public void signedIn(StaffMember who) {
        if (who.in(Group.PANEL)) members.put(who.id(), PanelMember.of(who));
        else members.remove(who.id());
    }
}
