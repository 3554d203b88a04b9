package org.involve.core.fakes;

import java.util.Set;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;

/** Fictional signed-in people, one per group. */
public final class TestStaff {
    private TestStaff() {}

    public static final StaffMember STAFF =
            new StaffMember(
                    "staff-0001", "Sam Staffmember", "sam.staff@example.org", Set.of(Group.STAFF));
    public static final StaffMember PANEL_A =
            new StaffMember(
                    "panel-0001", "Pat Panelone", "pat.panel@example.org", Set.of(Group.PANEL));
    public static final StaffMember PANEL_B =
            new StaffMember(
                    "panel-0002", "Robin Paneltwo", "robin.panel@example.org", Set.of(Group.PANEL));
    public static final StaffMember PANEL_C =
            new StaffMember(
                    "panel-0003", "Alex Panelthree", "alex.panel@example.org", Set.of(Group.PANEL));
    public static final StaffMember FINANCE =
            new StaffMember(
                    "finance-0001",
                    "Fran Financeperson",
                    "fran.finance@example.org",
                    Set.of(Group.FINANCE));
}
