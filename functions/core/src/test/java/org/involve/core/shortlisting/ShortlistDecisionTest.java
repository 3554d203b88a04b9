package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.involve.core.fakes.TestStaff.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class ShortlistDecisionTest {
    private final Role role = Panel.role(2, 1);
    private final Panel panel = new Panel(role);
    // Best first on the essentials: top (10 points over two panel members' averages), mid, dc1 and
    // dc2 (Disability Confident, both meeting them), low.
    private final AnonymisedApplication top = Panel.applicant("anon-top", false, true);
    private final AnonymisedApplication mid = Panel.applicant("anon-mid", false, false);
    private final AnonymisedApplication dc1 = Panel.applicant("anon-dc1", true, false);
    private final AnonymisedApplication dc2 = Panel.applicant("anon-dc2", true, false);
    private final AnonymisedApplication low = Panel.applicant("anon-low", false, false);
    private final List<ApplicantResult> results;

    ShortlistDecisionTest() {
        panel.scores(PANEL_A, top, 4, 4, 2)
                .scores(PANEL_B, top, 4, 4, 2)
                .scores(PANEL_A, mid, 4, 3, 2)
                .scores(PANEL_B, mid, 3, 3, 2)
                .scores(PANEL_A, dc1, 3, 2, 0)
                .scores(PANEL_B, dc1, 3, 2, 0)
                .scores(PANEL_A, dc2, 2, 2, 0)
                .scores(PANEL_B, dc2, 2, 2, 0)
                .scores(PANEL_A, low, 1, 1, 0)
                .scores(PANEL_B, low, 1, 1, 0);
        results = panel.results(top, mid, dc1, dc2, low);
    }

    private static List<String> refused(ShortlistDecision.Outcome o) {
        return assertInstanceOf(ShortlistDecision.Outcome.Refused.class, o).reasons();
    }

    @Test
    void aDecisionRecordsWhoInvitedWhomAndWhenBestFirst() {
        var recorded =
                assertInstanceOf(
                        ShortlistDecision.Outcome.Recorded.class,
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-dc2", "anon-top", "anon-dc1"),
                                false,
                                null,
                                STAFF,
                                Panel.AT));
        ShortlistDecision d = recorded.decision();
        assertEquals(List.of("anon-top", "anon-dc1", "anon-dc2"), d.invited());
        assertEquals("staff-0001", d.decidedBy());
        assertEquals(Panel.AT, d.decidedAt());
        assertEquals("staff-0001", recorded.audit().who());
        assertEquals("role:panel-role", recorded.audit().record());
        assertEquals(List.of(), recorded.warnings());
    }

    @Test
    void aDisabilityConfidentApplicantWhoMeetsTheEssentialsCannotBeLeftOut() {
        List<String> reasons =
                refused(
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-top", "anon-mid", "anon-dc1"),
                                false,
                                null,
                                STAFF,
                                Panel.AT));
        assertEquals(
                List.of(
                        "Applicant anon-dc2 asked to be considered under the Disability Confident scheme and meets every essential criterion, "
                                + "so must be offered an interview."),
                reasons);
    }

    @Test
    void atHighVolumeWithAReasonThoseWhoMeetTheEssentialsLessWellMayBeLeftOut() {
        var recorded =
                assertInstanceOf(
                        ShortlistDecision.Outcome.Recorded.class,
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-top", "anon-mid", "anon-dc1"),
                                true,
                                "140 applications for 2 places",
                                STAFF,
                                Panel.AT));
        assertTrue(recorded.decision().highVolume());
        assertEquals("140 applications for 2 places", recorded.decision().highVolumeReason());
    }

    @Test
    void atHighVolumeTheOneWhoMeetsTheEssentialsBetterCannotBeLeftOutForOneWhoMeetsThemLessWell() {
        List<String> reasons =
                refused(
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-top", "anon-dc2"),
                                true,
                                "140 applications",
                                STAFF,
                                Panel.AT));
        assertEquals(1, reasons.size());
        assertTrue(
                reasons.get(0)
                        .contains(
                                "applicant anon-dc1 meets them better than applicant anon-dc2, who is invited"),
                reasons.get(0));
    }

    @Test
    void atHighVolumeSomeDisabilityConfidentApplicantsMustStillBeInterviewed() {
        List<String> reasons =
                refused(
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-top", "anon-mid"),
                                true,
                                "140 applications",
                                STAFF,
                                Panel.AT));
        assertTrue(reasons.get(0).contains("none of them is invited"), reasons.get(0));
    }

    @Test
    void highVolumeWithoutAReasonIsRefused() {
        List<String> reasons =
                refused(
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-top", "anon-dc1"),
                                true,
                                "  ",
                                STAFF,
                                Panel.AT));
        assertTrue(
                reasons.contains(
                        "Say why this round is high volume, so the decision can be explained later."),
                reasons.toString());
    }

    @Test
    void theShortlistWaitsUntilEveryApplicantIsScoredOnEveryCriterion() {
        AnonymisedApplication late = Panel.applicant("anon-late", false, false);
        List<ApplicantResult> withUnscored = panel.results(top, mid, dc1, dc2, low, late);
        List<String> reasons =
                refused(
                        ShortlistDecision.decide(
                                role,
                                withUnscored,
                                List.of("anon-top", "anon-dc1", "anon-dc2"),
                                false,
                                null,
                                STAFF,
                                Panel.AT));
        assertEquals(
                List.of("Applicant anon-late has not been scored against every criterion yet."),
                reasons);
    }

    /** Each reason says which applicant it is about, so the error summary can link to that applicant's own box. */
    @Test
    void eachReasonAboutAnApplicantNamesThatApplicant() {
        AnonymisedApplication late = Panel.applicant("anon-late", false, false);
        AnonymisedApplication later = Panel.applicant("anon-later", false, false);
        var refused =
                assertInstanceOf(
                        ShortlistDecision.Outcome.Refused.class,
                        ShortlistDecision.decide(
                                role,
                                panel.results(top, mid, dc1, dc2, low, late, later),
                                List.of("anon-top", "anon-dc1"),
                                true,
                                "",
                                STAFF,
                                Panel.AT));
        assertEquals(
                List.of(
                        new ShortlistDecision.Reason(
                                "Applicant anon-late has not been scored against every criterion yet.",
                                ShortlistDecision.About.APPLICANT,
                                "anon-late"),
                        new ShortlistDecision.Reason(
                                "Applicant anon-later has not been scored against every criterion yet.",
                                ShortlistDecision.About.APPLICANT,
                                "anon-later"),
                        new ShortlistDecision.Reason(
                                "Say why this round is high volume, so the decision can be explained later.",
                                ShortlistDecision.About.HIGH_VOLUME_REASON,
                                null)),
                refused.problems());
    }

    @Test
    void onlyThisRolesApplicantsCanBeInvitedAndAtLeastOne() {
        assertEquals(
                List.of("Applicant anon-nobody is not one of this role's applicants."),
                refused(
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-dc1", "anon-dc2", "anon-nobody"),
                                false,
                                null,
                                STAFF,
                                Panel.AT)));
        assertTrue(
                refused(
                                ShortlistDecision.decide(
                                        role, results, List.of(), false, null, STAFF, Panel.AT))
                        .contains("Choose at least one applicant to invite to interview."));
    }

    @Test
    void staffAreToldWhenTooFewInvitedConnectWithThePriorityCommunities() {
        var recorded =
                assertInstanceOf(
                        ShortlistDecision.Outcome.Recorded.class,
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-mid", "anon-dc1", "anon-dc2"),
                                false,
                                null,
                                STAFF,
                                Panel.AT));
        assertEquals(
                List.of(
                        "None of the applicants invited have a connection with the priority communities, and the role has 1 place for them."),
                recorded.warnings());
    }

    @Test
    void staffAreToldWhenFewerAreInvitedThanThereArePlaces() {
        Role threePlaces = Panel.role(3, 0);
        List<ApplicantResult> r = new Panel(threePlaces).scores(PANEL_A, top, 3, 3, 3).results(top);
        var recorded =
                assertInstanceOf(
                        ShortlistDecision.Outcome.Recorded.class,
                        ShortlistDecision.decide(
                                threePlaces, r, List.of("anon-top"), false, null, STAFF, Panel.AT));
        assertEquals(List.of("You are inviting 1 to interview for 3 places."), recorded.warnings());
    }

    @Test
    void theShortlistIsRecordedOnlyWhileTheRoleIsBeingShortlisted() {
        assertTrue(
                refused(
                                ShortlistDecision.decide(
                                        role.withStatus(RoleStatus.FILLED),
                                        results,
                                        List.of("anon-dc1", "anon-dc2"),
                                        false,
                                        null,
                                        STAFF,
                                        Panel.AT))
                        .contains(
                                "The shortlist can be recorded only while the role is being shortlisted."));
    }

    @Test
    void aPanelMemberScoresButDoesNotRecordTheShortlist() {
        assertThrows(
                AccessDenied.class,
                () ->
                        ShortlistDecision.decide(
                                role,
                                results,
                                List.of("anon-dc1", "anon-dc2"),
                                false,
                                null,
                                TestStaff.PANEL_A,
                                Panel.AT));
    }
}
