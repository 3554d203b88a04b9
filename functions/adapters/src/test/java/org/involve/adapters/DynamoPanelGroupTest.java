package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Set;
import org.involve.core.staff.Group;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The panel group as sign-ins record it, on DynamoDB Local: one query on the group's key lists them. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoPanelGroupTest {
    private final DynamoPanelGroup group;

    DynamoPanelGroupTest(AwsEnvironment aws) {
        this.group =
                new DynamoPanelGroup(aws.dynamo(), aws.table("PanelGroupTable"), Clock.systemUTC());
    }

    @Test
    void panelMembersAreRecordedWhenTheySignInAndForgottenWhenTheyAreNoLongerInTheGroup() {
        String id = Samples.unique("panel");
        StaffMember member =
                new StaffMember(id, "Quinn Panel", "quinn@example.org", Set.of(Group.PANEL));
        StaffMember staffOnly =
                new StaffMember(
                        Samples.unique("staff"),
                        "Sam Staff",
                        "sam@example.org",
                        Set.of(Group.STAFF));
        group.signedIn(member);
        group.signedIn(member);
        group.signedIn(staffOnly);
        assertEquals(
                1,
                group.members().stream().filter(m -> m.id().equals(id)).count(),
                "recorded once");
        assertTrue(
                group.members().contains(new PanelMember(id, "Quinn Panel", "quinn@example.org")));
        assertFalse(group.members().stream().anyMatch(m -> m.id().equals(staffOnly.id())));

        group.signedIn(
                new StaffMember(id, "Quinn Panel", "quinn@example.org", Set.of(Group.STAFF)));
        assertFalse(group.members().stream().anyMatch(m -> m.id().equals(id)));
    }
}
