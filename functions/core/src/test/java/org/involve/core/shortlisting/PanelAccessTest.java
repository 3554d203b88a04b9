package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.involve.core.fakes.TestStaff.PANEL_C;
import static org.involve.core.fakes.TestStaff.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Only a role's panel members see its papers and score them; the roles list shows a panel member only their roles. */
class PanelAccessTest {
    private final ShortlistFixture f = new ShortlistFixture(2, 1);

    /** A second role being shortlisted, whose panel is PANEL_C alone. */
    private Role otherRole() {
        Role other =
                f.roles.save(
                        TestRoles.dayRate(java.time.LocalDate.of(2025, 1, 20))
                                .withStatus(RoleStatus.SHORTLISTING));
        f.roles.panel(other.id(), PANEL_C);
        return other;
    }

    @Test
    void aPanelMemberOfTheRoleSeesItsPapersAndSheets() {
        assertEquals(3, f.panel.papers(PANEL_A, f.role.id()).applicants().size());
        assertEquals(
                f.id(f.zebedee),
                f.panel.sheet(PANEL_B, f.role.id(), f.id(f.zebedee)).paper().applicantId());
    }

    @Test
    void someoneInThePanelGroupButNotOnThisRolesPanelIsRefusedEverything() {
        String id = f.id(f.zebedee);
        AccessDenied denied =
                assertThrows(AccessDenied.class, () -> f.panel.papers(PANEL_C, f.role.id()));
        assertTrue(denied.getMessage().startsWith("You are not on the shortlisting panel"));
        assertThrows(AccessDenied.class, () -> f.panel.sheet(PANEL_C, f.role.id(), id));
        assertThrows(AccessDenied.class, () -> f.panel.results(PANEL_C, f.role.id()));
        assertThrows(AccessDenied.class, () -> f.score(PANEL_C, f.zebedee, 1, 1, 1));
        assertThrows(
                AccessDenied.class,
                () -> f.scoring.declareConflict(PANEL_C, f.role.id(), id, Map.of()));
        assertTrue(f.store.forRole(f.role.id()).isEmpty(), "nothing was scored");
        assertTrue(f.store.conflicts(f.role.id()).isEmpty());
    }

    @Test
    void staffNotOnThePanelSeeTheResultsButNotThePapers() {
        assertThrows(AccessDenied.class, () -> f.panel.papers(STAFF, f.role.id()));
        assertThrows(AccessDenied.class, () -> f.panel.sheet(STAFF, f.role.id(), f.id(f.zebedee)));
        var results = f.panel.results(STAFF, f.role.id());
        assertTrue(results.visible());
        assertFalse(results.onPanel());
    }

    @Test
    void aRoleWithNoPanelShowsItsPapersToNobody() {
        f.roles.panels.remove(f.role.id());
        assertThrows(AccessDenied.class, () -> f.panel.papers(PANEL_A, f.role.id()));
        assertEquals(List.of(), f.panel.roles(PANEL_A));
    }

    @Test
    void theRolesBeingShortlistedShowAPanelMemberOnlyTheirRoles() {
        Role other = otherRole();
        assertEquals(
                List.of(f.role.id()),
                f.panel.roles(PANEL_A).stream().map(r -> r.role().id()).toList());
        assertEquals(
                List.of(other.id()),
                f.panel.roles(PANEL_C).stream().map(r -> r.role().id()).toList());
        assertThrows(AccessDenied.class, () -> f.panel.papers(PANEL_A, other.id()));
    }

    @Test
    void staffSeeEveryRoleBeingShortlistedMarkedAsNotTheirPanel() {
        Role other = otherRole();
        var roles = f.panel.roles(STAFF);
        assertEquals(2, roles.size());
        assertTrue(roles.stream().noneMatch(ShortlistingPanel.RoleProgress::onPanel));
        assertEquals(
                1,
                roles.stream()
                        .filter(r -> r.role().id().equals(other.id()))
                        .findFirst()
                        .orElseThrow()
                        .panelSize());
    }
}
