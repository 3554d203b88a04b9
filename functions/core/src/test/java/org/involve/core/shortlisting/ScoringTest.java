package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.involve.core.fakes.TestStaff.PANEL_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryScores;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private final Role role = Panel.role(2, 1);
    private final Panel panel = new Panel(role);
    private final AnonymisedApplication a = Panel.applicant("anon-a", false, false);
    private final AnonymisedApplication b = Panel.applicant("anon-b", true, true);

    private static ApplicantResult only(List<ApplicantResult> results) {
        assertEquals(1, results.size());
        return results.get(0);
    }

    @Test
    void totalsAddThePanelsAverageForEachCriterionEssentialAndDesirableApart() {
        panel.scores(PANEL_A, a, 3, 2, 4).scores(PANEL_B, a, 2, 2, 1);
        ApplicantResult r = only(panel.results(a));
        assertEquals(2.5 + 2.0, r.essentialTotal(), 1e-9);
        assertEquals(2.5, r.desirableTotal(), 1e-9);
        assertEquals(
                Map.of("panel-0001", 3, "panel-0002", 2),
                r.criteria().get(0).pointsByPanelMember());
    }

    @Test
    void anApplicantScoredByMorePanelMembersIsNotAheadForThat() {
        panel.scores(PANEL_A, a, 3, 3, 3)
                .scores(PANEL_B, a, 3, 3, 3)
                .scores(PANEL_C, a, 3, 3, 3)
                .scores(PANEL_A, b, 3, 3, 3);
        List<ApplicantResult> r = panel.results(a, b);
        assertEquals(r.get(0).essentialTotal(), r.get(1).essentialTotal(), 1e-9);
    }

    @Test
    void scoresTwoApartOnACriterionAreFlaggedForThePanelToTalkOver() {
        panel.scores(PANEL_A, a, 4, 2, 3).scores(PANEL_B, a, 2, 3, 3);
        ApplicantResult r = only(panel.results(a));
        assertEquals(List.of("lived"), r.disagreements());
        assertEquals(2, r.criteria().get(0).range());
        assertTrue(r.hasDisagreement());
    }

    @Test
    void scoresOneApartAreNotADisagreement() {
        panel.scores(PANEL_A, a, 3, 2, 1).scores(PANEL_B, a, 2, 3, 2);
        assertFalse(only(panel.results(a)).hasDisagreement());
    }

    @Test
    void anAverageOfExactlyThePassMarkMeetsTheCriterion() {
        panel.scores(PANEL_A, a, 3, 2, 0).scores(PANEL_B, a, 1, 2, 0);
        ApplicantResult r = only(panel.results(a));
        assertTrue(r.meetsAllEssentials());
    }

    @Test
    void anAverageJustBelowThePassMarkDoesNotMeetIt() {
        panel.scores(PANEL_A, a, 2, 2, 4).scores(PANEL_B, a, 2, 1, 4);
        ApplicantResult r = only(panel.results(a));
        assertFalse(r.criteria().get(1).meets());
        assertFalse(r.meetsAllEssentials());
    }

    @Test
    void aDisabilityConfidentApplicantWhoMeetsEveryEssentialCriterionIsGuaranteedAnInterview() {
        panel.scores(PANEL_A, b, 2, 2, 0);
        ApplicantResult r = only(panel.results(b));
        assertTrue(r.disabilityConfident());
        assertTrue(r.guaranteedInterview());
    }

    @Test
    void aDisabilityConfidentApplicantWhoMissesAnEssentialCriterionIsNotGuaranteedOne() {
        panel.scores(PANEL_A, b, 2, 1, 4);
        ApplicantResult r = only(panel.results(b));
        assertTrue(r.disabilityConfident());
        assertFalse(r.guaranteedInterview());
    }

    @Test
    void anApplicantWhoDidNotAskForTheSchemeIsNotGuaranteedAnInterview() {
        panel.scores(PANEL_A, a, 4, 4, 4);
        assertFalse(only(panel.results(a)).guaranteedInterview());
    }

    @Test
    void anApplicantNotYetScoredOnEveryCriterionIsNotFullyScoredAndNotYetMeetingTheEssentials() {
        panel.scores.add(
                new Scoring(role, ScoreScale.STANDARD).score(PANEL_A, b, "lived", 4, Panel.AT));
        ApplicantResult r = only(panel.results(b));
        assertFalse(r.fullyScored());
        assertFalse(r.meetsAllEssentials());
        assertFalse(r.guaranteedInterview());
    }

    @Test
    void aPanelMembersLaterScoreReplacesTheirEarlierOne() {
        panel.scores(PANEL_A, a, 1, 1, 1).scores(PANEL_A, a, 3, 3, 3);
        ApplicantResult r = only(panel.results(a));
        assertEquals(6.0, r.essentialTotal(), 1e-9);
        assertEquals(1, r.criteria().get(0).pointsByPanelMember().size());
    }

    @Test
    void resultsAreBestFirstOnTheEssentialCriteriaThenTheDesirable() {
        AnonymisedApplication c = Panel.applicant("anon-c", false, false);
        panel.scores(PANEL_A, a, 2, 2, 4).scores(PANEL_A, b, 3, 3, 0).scores(PANEL_A, c, 2, 2, 1);
        assertEquals(
                List.of("anon-b", "anon-a", "anon-c"),
                panel.results(a, b, c).stream().map(ApplicantResult::applicantId).toList());
    }

    @Test
    void aConnectionWithThePriorityCommunitiesIsShown() {
        panel.scores(PANEL_A, a, 2, 2, 2).scores(PANEL_A, b, 2, 2, 2);
        List<ApplicantResult> r = panel.results(a, b);
        assertTrue(
                r.stream()
                        .filter(x -> x.applicantId().equals("anon-b"))
                        .findFirst()
                        .orElseThrow()
                        .priorityConnection());
        assertFalse(
                r.stream()
                        .filter(x -> x.applicantId().equals("anon-a"))
                        .findFirst()
                        .orElseThrow()
                        .priorityConnection());
    }

    @Test
    void financeCannotScore() {
        Scoring scoring = new Scoring(role, ScoreScale.STANDARD);
        assertThrows(
                AccessDenied.class,
                () -> scoring.score(TestStaff.FINANCE, a, "lived", 2, Panel.AT));
    }

    @Test
    void aScoreOffTheScaleIsRefused() {
        Scoring scoring = new Scoring(role, ScoreScale.STANDARD);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> scoring.score(PANEL_A, a, "lived", 5, Panel.AT));
        assertEquals("Give a score from 0 to 4.", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> scoring.score(PANEL_A, a, "lived", -1, Panel.AT));
    }

    @Test
    void aCriterionTheRoleDoesNotHaveCannotBeScored() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new Scoring(role, ScoreScale.STANDARD)
                                .score(PANEL_A, a, "made-up", 2, Panel.AT));
    }

    @Test
    void applicationsCanBeScoredOnlyWhileTheRoleIsBeingShortlisted() {
        Scoring scoring = new Scoring(role.withStatus(RoleStatus.OPEN), ScoreScale.STANDARD);
        assertThrows(
                IllegalStateException.class, () -> scoring.score(PANEL_A, a, "lived", 2, Panel.AT));
    }

    @Test
    void theScoreStoreKeepsOneScorePerPanelMemberAndAnswer() {
        InMemoryAuditTrail audit = new InMemoryAuditTrail();
        InMemoryScores store = new InMemoryScores(audit);
        Scoring scoring = new Scoring(role, ScoreScale.STANDARD);
        for (var by : List.of(PANEL_A, PANEL_A, PANEL_B)) {
            Score score =
                    scoring.score(
                            by,
                            a,
                            "lived",
                            1,
                            Panel.AT.plusSeconds(store.forRole(role.id()).size()));
            store.save(score, PanelScoring.audited(by, score, Optional.empty()));
        }
        assertEquals(2, store.forRole(role.id()).size());
        assertEquals(3, audit.entries().size(), "every save is audited");
    }

    @Test
    void everyPointOnTheScaleHasAWord() {
        assertEquals("Meets the criterion", ScoreScale.STANDARD.label(2));
        assertThrows(
                IllegalArgumentException.class, () -> new ScoreScale(4, 2, 2, List.of("only one")));
    }
}
