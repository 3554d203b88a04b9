package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.ApplicationForm;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/** A panel member scoring one applicant, and the team told once when they finish. */
class PanelScoringTest {
    private final ShortlistFixture f = new ShortlistFixture(2, 1);

    @Test
    void scoringAgainReplacesMyScore() {
        f.score(PANEL_A, f.zebedee, 1, 1, 1);
        f.score(PANEL_A, f.zebedee, 3, 2, 4);
        assertEquals(3, f.store.forRole(f.role.id()).size());
        var result =
                f.panel.results(TestStaff.STAFF, f.role.id()).results().stream()
                        .filter(r -> r.applicantId().equals(f.id(f.zebedee)))
                        .findFirst()
                        .orElseThrow();
        assertEquals(5.0, result.essentialTotal());
        assertEquals(4.0, result.desirableTotal());
    }

    /**
     * Each score saved is audited on the role's trail (where staff look a role up), with the applicant's anonymous id,
     * the criterion and the points before and after: never the applicant's name or application reference.
     */
    @Test
    void everyScoreSavedIsAuditedOnTheRolesTrailByAnonymousIdOnly() {
        int before = f.audit.entries().size();
        f.score(PANEL_A, f.zebedee, 1, 2, 3);
        f.score(PANEL_A, f.zebedee, 4, 2, 3);
        List<AuditEntry> trail = f.audit.entries().subList(before, f.audit.entries().size());

        assertEquals(6, trail.size(), "one entry for each score saved");
        assertTrue(trail.stream().allMatch(e -> e.record().equals("role:" + f.role.id())));
        assertTrue(trail.stream().allMatch(e -> e.who().equals(PANEL_A.id())));
        String anon = f.id(f.zebedee);
        AuditEntry first = trail.get(0);
        assertEquals(
                List.of(
                        "scored applicant " + anon + " against criterion lived",
                        "not scored",
                        "score 1"),
                List.of(first.what(), first.fromState(), first.toState()));
        AuditEntry rescored = trail.get(3);
        assertEquals(
                List.of(
                        "scored applicant " + anon + " against criterion lived",
                        "score 1",
                        "score 4"),
                List.of(rescored.what(), rescored.fromState(), rescored.toState()));
        String text = trail.toString();
        assertFalse(text.contains(f.zebedee.reference()), text);
        assertFalse(text.contains(f.zebedee.answer(ApplicationForm.FULL_NAME)), text);
    }

    @Test
    void onlyTheScoresActuallySavedAreAudited() {
        int before = f.audit.entries().size();
        f.scoring.save(
                PANEL_A,
                f.role.id(),
                f.id(f.zebedee),
                Map.of("score-lived", "3", "score-teamwork", "9"));
        List<AuditEntry> trail = f.audit.entries().subList(before, f.audit.entries().size());
        assertEquals(1, trail.size(), trail.toString());
        assertTrue(trail.get(0).what().endsWith("against criterion lived"));
    }

    @Test
    void savingMovesToTheNextApplicantIHaveNotFinished() {
        List<AnonymisedApplication> papers = f.store.papers(f.role.id());
        var first = papers.get(0).applicantId();
        var done =
                (PanelScoring.Saved.Done)
                        f.scoring.save(
                                PANEL_A,
                                f.role.id(),
                                first,
                                Map.of(
                                        "score-lived",
                                        "2",
                                        "score-teamwork",
                                        "2",
                                        "score-research",
                                        "2"));
        assertEquals(Optional.of(papers.get(1).applicantId()), done.next());
    }

    @Test
    void aMissingOrOffScaleScoreIsAnErrorAndTheScoresGivenAreKept() {
        var saved =
                f.scoring.save(
                        PANEL_A,
                        f.role.id(),
                        f.id(f.zebedee),
                        Map.of("score-lived", "3", "score-teamwork", "9"));
        var invalid = assertInstanceOf(PanelScoring.Saved.Invalid.class, saved);
        assertEquals(
                List.of("score-teamwork", "score-research"),
                List.copyOf(invalid.errors().asMap().keySet()));
        assertEquals(
                "Choose a score from 0 to 4 for \u201cWorking with others\u201d",
                invalid.errors().asMap().get("score-teamwork"));
        assertEquals(
                Map.of("lived", 3),
                f.panel.sheet(PANEL_A, f.role.id(), f.id(f.zebedee)).myScores());
    }

    @Test
    void whenAPanelMemberHasScoredEveryoneTheTeamIsToldOnce() {
        f.score(PANEL_A, f.zebedee, 2, 2, 2);
        f.score(PANEL_A, f.orlaith, 2, 2, 2);
        assertTrue(f.outbox.messages().isEmpty());
        var last = (PanelScoring.Saved.Done) f.score(PANEL_A, f.perpetua, 2, 2, 2);
        assertEquals(Optional.empty(), last.next());
        assertEquals(1, last.messageIds().size());
        f.score(PANEL_A, f.perpetua, 3, 3, 3); // changing a score afterwards tells nobody again
        assertEquals(1, f.outbox.messages().size());
        OutboxMessage m = f.outbox.messages().get(0);
        assertEquals("team@example.org", m.email().to());
        assertTrue(
                m.email().text().contains("1 panel member has now scored every application"),
                m.email().text());
        assertTrue(
                m.email()
                        .text()
                        .contains(
                                "https://staff.example.org/staff/shortlisting/panel-role/results"));
        assertFalse(
                m.email().text().contains(PANEL_A.displayName()),
                "the e-mail names no panel member");
    }

    @Test
    void onceTheShortlistIsRecordedScoresCannotChange() {
        f.store.decisions.put(
                f.role.id(),
                new ShortlistDecision(
                        f.role.id(),
                        List.of(f.id(f.zebedee)),
                        "staff-0001",
                        f.clock.instant(),
                        false,
                        ""));
        assertThrows(ShortlistingPanel.Refused.class, () -> f.score(PANEL_A, f.zebedee, 1, 1, 1));
        assertTrue(f.store.forRole(f.role.id()).isEmpty());
    }
}
