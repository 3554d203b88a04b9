package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Seeing applications: each role's list and one application, for the staff group only. */
class ApplicationsForStaffTest extends StaffApplicationsFixture {
    @Test
    void onlyStaffSeeOrEnterApplications() {
        byTelephone();
        String ref = applications.applications.values().iterator().next().reference();
        for (var member : List.of(TestStaff.PANEL_A, TestStaff.FINANCE)) {
            assertThrows(AccessDenied.class, () -> seeing.overview(member));
            assertThrows(AccessDenied.class, () -> seeing.forRole(member, role.id()));
            assertThrows(AccessDenied.class, () -> seeing.application(member, ref));
            assertThrows(
                    AccessDenied.class,
                    () -> entering.enter(member, role.id(), posted("post", Map.of())));
            assertThrows(AccessDenied.class, () -> talkFirst.held(member));
            assertThrows(
                    AccessDenied.class,
                    () ->
                            talkFirst.recordConversation(
                                    member, ref, Map.of("result", "goes-ahead")));
            assertThrows(AccessDenied.class, () -> acknowledging.unacknowledged(member));
            assertThrows(
                    AccessDenied.class,
                    () -> acknowledging.markAcknowledged(member, ref, Map.of("how", "post")));
        }
        assertEquals(1, audit.entries().size());
    }

    @Test
    void aRolesListShowsHowEachCameInAndWhetherItIsAcknowledged() {
        Application online =
                round.add(
                        TestApplications.submitted(
                                role,
                                "INV-BBBB-2222",
                                Instant.parse("2025-01-09T09:00:00Z"),
                                Map.of(ApplicationForm.EMAIL, "al@example.org")));
        Application phoned = byTelephone();

        var list = seeing.forRole(TestStaff.STAFF, role.id());
        assertEquals(
                List.of(online.reference(), phoned.reference()),
                list.rows().stream().map(r -> r.application().reference()).toList());
        assertTrue(
                list.rows().get(0).acknowledged(), "not in the outstanding index: its e-mail went");
        assertFalse(list.rows().get(1).acknowledged());
        assertEquals("Online", list.rows().get(0).howItCameIn());
        assertEquals(
                "Telephone call, entered by Sam Staffmember", list.rows().get(1).howItCameIn());
        assertThrows(
                NoSuchRoleOrApplication.class,
                () -> seeing.forRole(TestStaff.STAFF, "no-such-role"));
    }

    @Test
    void oneApplicationShowsItsSectionsAndNeverMonitoringAnswers() {
        Application app = heldToTalkFirst();
        var shown = seeing.application(TestStaff.STAFF, app.reference());
        assertEquals(app, shown.application());
        assertEquals(new ApplicationForm(role).sections(app.answers()), shown.sections());
        assertEquals(
                List.of("removed as a charity trustee by a court or the Charity Commission"),
                shown.declared());
        assertFalse(shown.acknowledged());
        assertThrows(
                NoSuchRoleOrApplication.class,
                () -> seeing.application(TestStaff.STAFF, "INV-ZZZZ-ZZZZ"));
        assertThrows(
                NoSuchRoleOrApplication.class,
                () -> seeing.application(TestStaff.STAFF, "not a reference"));
    }

    @Test
    void aRolesListSaysWhetherAnApplicationCanBeEnteredForIt() {
        assertEquals(null, seeing.forRole(TestStaff.STAFF, role.id()).closed());

        roles.roles.put(role.id(), role.withStatus(RoleStatus.SHORTLISTING));
        var closed = seeing.forRole(TestStaff.STAFF, role.id()).closed();
        assertEquals(RoleStatus.SHORTLISTING, closed.role().status());
        assertFalse(
                closed.mayExtend(), "a role being shortlisted cannot have its closing date moved");
    }
}
