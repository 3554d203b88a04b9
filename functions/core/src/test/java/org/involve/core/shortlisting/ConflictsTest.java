package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.involve.core.fakes.TestStaff.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.junit.jupiter.api.Test;

/**
 * A panel member declares a conflict of interest with an applicant: it is audited, they cannot score that applicant,
 * and the applicant is fully scored when every other panel member has scored them.
 */
class ConflictsTest {
    private final ShortlistFixture f = new ShortlistFixture(2, 1);

    private PanelScoring.Saved declare(
            org.involve.core.staff.StaffMember who, Application a, String note) {
        return f.scoring.declareConflict(
                who, f.role.id(), f.id(a), Map.of(PanelScoring.CONFLICT_NOTE, note));
    }

    private ApplicantResult result(Application a) {
        return f.recording.proposal(STAFF, f.role.id()).results().stream()
                .filter(r -> r.applicantId().equals(f.id(a)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aConflictIsStoredOnceWithItsAuditEntryAndNoNameInTheTrail() {
        int before = f.audit.entries().size();
        assertInstanceOf(
                PanelScoring.Saved.Done.class, declare(PANEL_A, f.zebedee, "I know this person"));
        declare(PANEL_A, f.zebedee, "again");
        List<Conflict> conflicts = f.store.conflicts(f.role.id());
        assertEquals(1, conflicts.size());
        assertEquals("I know this person", conflicts.get(0).note());
        assertEquals(PANEL_A.id(), conflicts.get(0).panelMemberId());
        List<AuditEntry> trail = f.audit.entries().subList(before, f.audit.entries().size());
        assertEquals(1, trail.size());
        assertEquals(PANEL_A.id(), trail.get(0).who());
        assertEquals("role:" + f.role.id(), trail.get(0).record(), "on the role's own trail");
        assertEquals(
                "declared a conflict of interest with applicant " + f.id(f.zebedee),
                trail.get(0).what());
        assertFalse(
                trail.toString().contains("I know this person"), "the note stays off the trail");
    }

    @Test
    void aMemberWithAConflictCannotScoreThatApplicantButCanScoreTheOthers() {
        declare(PANEL_A, f.zebedee, "");
        assertThrows(ShortlistingPanel.Refused.class, () -> f.score(PANEL_A, f.zebedee, 4, 4, 4));
        assertInstanceOf(PanelScoring.Saved.Done.class, f.score(PANEL_A, f.orlaith, 2, 2, 2));
        var sheet = f.panel.sheet(PANEL_A, f.role.id(), f.id(f.zebedee));
        assertTrue(sheet.myConflict().isPresent());
        var row =
                f.panel.papers(PANEL_A, f.role.id()).applicants().stream()
                        .filter(a -> a.applicantId().equals(f.id(f.zebedee)))
                        .findFirst()
                        .orElseThrow();
        assertTrue(row.conflict());
        assertTrue(row.done(), "nothing left for them to do for that applicant");
    }

    @Test
    void anApplicantIsFullyScoredWhenEveryPanelMemberWithoutAConflictHasScoredThem() {
        declare(PANEL_A, f.zebedee, "I know this person");
        f.score(PANEL_B, f.zebedee, 3, 3, 3);
        assertTrue(result(f.zebedee).fullyScored());
        assertEquals(1, result(f.zebedee).conflicts());
        f.score(PANEL_B, f.orlaith, 3, 3, 3);
        assertFalse(
                result(f.orlaith).fullyScored(),
                "Pat has no conflict with Orlaith and has not scored");
        f.score(PANEL_A, f.orlaith, 3, 3, 3);
        assertTrue(result(f.orlaith).fullyScored());
    }

    @Test
    void aScoreGivenBeforeDeclaringAConflictNoLongerCounts() {
        f.score(PANEL_A, f.zebedee, 0, 0, 0);
        f.score(PANEL_B, f.zebedee, 4, 4, 4);
        declare(PANEL_A, f.zebedee, "");
        ApplicantResult r = result(f.zebedee);
        assertEquals(8.0, r.essentialTotal(), "only Robin's scores are added up");
        assertTrue(r.fullyScored());
    }

    @Test
    void theShortlistCanBeRecordedWithConflictsAndIsRefusedWhileSomeoneWithoutOneHasNotScored() {
        declare(PANEL_A, f.zebedee, "");
        for (Application a : List.of(f.zebedee, f.orlaith, f.perpetua))
            f.score(PANEL_B, a, 3, 3, 3);
        f.score(PANEL_A, f.orlaith, 3, 3, 3);
        var refused =
                assertInstanceOf(
                        ShortlistRecording.Outcome.Refused.class,
                        f.recording.record(
                                STAFF,
                                f.role.id(),
                                Set.of(f.id(f.zebedee), f.id(f.orlaith)),
                                false,
                                "",
                                f.recording.proposal(STAFF, f.role.id()).version()));
        assertEquals(
                List.of(
                        "Applicant "
                                + f.id(f.perpetua)
                                + " has not been scored against every criterion yet."),
                refused.reasons());
        f.score(PANEL_A, f.perpetua, 1, 1, 1);
        assertInstanceOf(
                ShortlistRecording.Outcome.Recorded.class,
                f.recording.record(
                        STAFF,
                        f.role.id(),
                        Set.of(f.id(f.zebedee), f.id(f.orlaith)),
                        false,
                        "",
                        f.recording.proposal(STAFF, f.role.id()).version()));
    }

    @Test
    void whenEveryPanelMemberHasAConflictNobodyCanScoreAndStaffAreToldToAddSomeone() {
        declare(PANEL_A, f.zebedee, "");
        declare(PANEL_B, f.zebedee, "");
        assertFalse(result(f.zebedee).scorable());
        var refused =
                assertInstanceOf(
                        ShortlistRecording.Outcome.Refused.class,
                        f.recording.record(
                                STAFF,
                                f.role.id(),
                                Set.of(f.id(f.orlaith)),
                                false,
                                "",
                                f.recording.proposal(STAFF, f.role.id()).version()));
        assertTrue(
                refused.reasons()
                        .contains(
                                "Every panel member has declared a conflict of interest with applicant "
                                        + f.id(f.zebedee)
                                        + ", so nobody can score them. Add someone to the panel who can."),
                refused.reasons().toString());
    }

    @Test
    void declaringTheLastConflictFinishesTheMemberAndTellsTheTeamOnce() {
        f.score(PANEL_A, f.orlaith, 2, 2, 2);
        f.score(PANEL_A, f.perpetua, 2, 2, 2);
        f.outbox.entries.clear();
        var done = (PanelScoring.Saved.Done) declare(PANEL_A, f.zebedee, "");
        assertEquals(1, done.messageIds().size());
        assertTrue(done.next().isEmpty());
        assertEquals(1, f.panel.results(STAFF, f.role.id()).panelMembersFinished());
    }

    @Test
    void staffSeeEachDeclaredConflictWithWhoDeclaredItAndTheirNote() {
        declare(PANEL_B, f.orlaith, "We worked together");
        var p = f.recording.proposal(STAFF, f.role.id());
        assertEquals(
                List.of(
                        new ShortlistRecording.DeclaredConflict(
                                f.id(f.orlaith), PANEL_B.displayName(), "We worked together")),
                p.conflicts());
    }

    @Test
    void aLongNoteIsRefusedWithNothingStored() {
        var invalid =
                assertInstanceOf(
                        PanelScoring.Saved.Invalid.class,
                        declare(PANEL_A, f.zebedee, "x".repeat(Conflict.NOTE_LENGTH + 1)));
        assertTrue(invalid.errors().asMap().containsKey(PanelScoring.CONFLICT_NOTE));
        assertTrue(f.store.conflicts(f.role.id()).isEmpty());
    }

    @Test
    void noConflictCanBeDeclaredOnceTheShortlistIsRecorded() {
        declare(PANEL_A, f.zebedee, "");
        for (Application a : List.of(f.zebedee, f.orlaith, f.perpetua))
            f.score(PANEL_B, a, 3, 3, 3);
        f.score(PANEL_A, f.orlaith, 3, 3, 3);
        f.score(PANEL_A, f.perpetua, 3, 3, 3);
        f.recording.record(
                STAFF,
                f.role.id(),
                Set.of(f.id(f.orlaith)),
                false,
                "",
                f.recording.proposal(STAFF, f.role.id()).version());
        assertThrows(ShortlistingPanel.Refused.class, () -> declare(PANEL_B, f.perpetua, ""));
    }
}
