package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class ShortlistingPanelTest {
    private final ShortlistFixture f = new ShortlistFixture(2, 1);

    @Test
    void aPanelMemberSeesTheRolesBeingShortlistedWithHowFarTheyHaveScored() {
        f.roles.save(org.involve.core.fakes.TestRoles.dayRate(java.time.LocalDate.of(2025, 3, 1)));
        f.score(PANEL_A, f.zebedee, 3, 2, 1);
        var roles = f.panel.roles(PANEL_A);
        assertEquals(1, roles.size(), "an open role is not the panel's yet");
        assertEquals(3, roles.get(0).applicants());
        assertEquals(1, roles.get(0).scoredByMe());
        assertEquals(
                0,
                f.panel.roles(PANEL_B).get(0).scoredByMe(),
                "how far I have scored, not the others");
    }

    @Test
    void aSheetShowsTheApplicantsAnswersAndMyEarlierScores() {
        f.score(PANEL_A, f.orlaith, 4, 3, 2);
        var sheet = f.panel.sheet(PANEL_A, f.role.id(), f.id(f.orlaith));
        assertEquals(Map.of("lived", 4, "teamwork", 3, "research", 2), sheet.myScores());
        assertTrue(sheet.paper().answerTo(f.role.criteria().get(0)).contains("[name removed]"));
        assertEquals(Map.of(), f.panel.sheet(PANEL_B, f.role.id(), f.id(f.orlaith)).myScores());
    }

    @Test
    void resultsShowOtherPanelMembersByNumberNeverByName() {
        f.score(PANEL_A, f.zebedee, 4, 4, 4);
        f.score(PANEL_B, f.zebedee, 1, 4, 4);
        var results = f.panel.results(org.involve.core.fakes.TestStaff.STAFF, f.role.id());
        assertEquals("Panel member 1", results.label(PANEL_A.id()));
        assertEquals("Panel member 2", results.label(PANEL_B.id()));
        assertEquals("You", f.panel.results(PANEL_A, f.role.id()).label(PANEL_A.id()));
        var zebedee = results.results().get(0);
        assertEquals(List.of("lived"), zebedee.disagreements());
    }

    @Test
    void aPanelMemberSeesEveryonesScoresOnlyOnceTheyHaveScoredEveryone() {
        f.score(PANEL_B, f.zebedee, 1, 1, 1);
        f.score(PANEL_A, f.zebedee, 4, 4, 4);
        var before = f.panel.results(PANEL_A, f.role.id());
        assertFalse(before.visible());
        assertTrue(before.results().isEmpty());
        assertTrue(
                f.panel.results(org.involve.core.fakes.TestStaff.STAFF, f.role.id()).visible(),
                "staff always see them");
        f.score(PANEL_A, f.orlaith, 2, 2, 2);
        f.score(PANEL_A, f.perpetua, 2, 2, 2);
        assertTrue(f.panel.results(PANEL_A, f.role.id()).visible());
    }

    @Test
    void aRoleNotBeingShortlistedOrAnUnknownApplicantIsNotFound() {
        f.roles.save(f.role.withStatus(RoleStatus.FILLED));
        assertThrows(ShortlistingPanel.NotFound.class, () -> f.panel.papers(PANEL_A, f.role.id()));
        f.roles.save(f.role);
        assertThrows(
                ShortlistingPanel.NotFound.class,
                () -> f.panel.sheet(PANEL_A, f.role.id(), "anon-nobody"));
        assertThrows(
                ShortlistingPanel.NotFound.class, () -> f.panel.papers(PANEL_A, "no-such-role"));
    }

    @Test
    void financeCannotScore() {
        assertThrows(AccessDenied.class, () -> f.panel.roles(TestStaff.FINANCE));
        assertThrows(AccessDenied.class, () -> f.score(TestStaff.FINANCE, f.zebedee, 1, 1, 1));
    }
}
