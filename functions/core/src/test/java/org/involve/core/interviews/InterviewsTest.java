package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.involve.core.fakes.TestStaff;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Staff see the roles at interview stage and a role's board; only staff may arrange interviews. */
class InterviewsTest {
    private final Round r = new Round();

    @Test
    void onlyStaffMayArrangeInterviews() {
        assertThrows(AccessDenied.class, () -> r.interviews.roles(TestStaff.PANEL_A));
        assertThrows(AccessDenied.class, () -> r.interviews.board(TestStaff.PANEL_A, r.role.id()));
        assertThrows(
                AccessDenied.class,
                () ->
                        r.times.addSlot(
                                TestStaff.FINANCE,
                                r.role.id(),
                                Round.slotForm("17", "10:30", "45")));
        assertThrows(
                AccessDenied.class,
                () ->
                        r.invitations.sendInvitations(
                                TestStaff.PANEL_A, r.role.id(), r.toInviteNow()));
        assertTrue(r.schedule.slots.isEmpty());
        assertThrows(
                Interviews.NoSuchRole.class,
                () -> r.interviews.board(TestStaff.STAFF, "no-such-role"));
    }

    @Test
    void theRoleListShowsRolesAtInterviewStageWithTheirProgress() {
        r.addSlot("17", "10:30", "45");
        r.invited("INV-AAAA-1111", "alpha@example.org");
        r.roleRecords.roles.put(
                "open-role",
                org.involve.core.fakes.TestRoles.monthly(java.time.LocalDate.of(2025, 1, 1)));
        // A filled role has nobody left to invite or book: it is not listed.
        org.involve.core.role.Role filled =
                org.involve.core.fakes.TestRoles.monthly(java.time.LocalDate.of(2024, 1, 1))
                        .withStatus(org.involve.core.role.RoleStatus.FILLED);
        r.roleRecords.roles.put(filled.id(), filled);
        List<Interviews.Listed> listed = r.interviews.roles(TestStaff.STAFF);
        assertEquals(List.of(new Interviews.Listed(r.role, 1, 1, 0)), listed);
    }
}
