package org.involve.core.shortlisting;

import static org.involve.core.application.Application.Status.HELD_TO_TALK_FIRST;
import static org.involve.core.application.Application.Status.INVITED_TO_INTERVIEW;
import static org.involve.core.application.Application.Status.NOT_SHORTLISTED;
import static org.involve.core.application.Application.Status.RECEIVED;
import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.involve.core.fakes.TestStaff.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.FictionalApplicants;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class ShortlistRecordingTest {
    private final ShortlistFixture f = new ShortlistFixture(2, 1);

    /** Zebedee meets everything; Orlaith (Disability Confident) meets the essentials; Perpetua does not. */
    private void panelScores() {
        for (var who : List.of(PANEL_A, PANEL_B)) {
            f.score(who, f.zebedee, 4, 4, 3);
            f.score(who, f.orlaith, 2, 2, 0);
            f.score(who, f.perpetua, 1, 2, 4);
        }
        f.outbox.entries.clear();
    }

    @Test
    void theProposalRanksApplicantsAndMarksTheGuaranteedInterview() {
        panelScores();
        var p = f.recording.proposal(STAFF, f.role.id());
        assertEquals(
                List.of(f.id(f.zebedee), f.id(f.orlaith), f.id(f.perpetua)),
                p.results().stream().map(ApplicantResult::applicantId).toList());
        assertTrue(p.results().get(1).guaranteedInterview());
        assertEquals(0, p.unprepared());
    }

    @Test
    void aShortlistFromScoresThatHaveSinceChangedIsNotRecorded() {
        panelScores();
        String read = f.recording.proposal(STAFF, f.role.id()).version();
        assertEquals(read, f.recording.proposal(STAFF, f.role.id()).version(), "the same scores");
        f.score(PANEL_B, f.perpetua, 4, 4, 4); // a panel member changes their mind meanwhile

        org.junit.jupiter.api.Assertions.assertThrows(
                ShortlistRecording.ScoresChangedMeanwhile.class,
                () ->
                        f.recording.record(
                                STAFF,
                                f.role.id(),
                                Set.of(f.id(f.zebedee), f.id(f.orlaith)),
                                false,
                                "",
                                read));
        assertEquals(RECEIVED, f.status(f.zebedee));
        assertTrue(f.recording.proposal(STAFF, f.role.id()).decision().isEmpty());
    }

    @Test
    void recordingMovesEveryApplicationOnWithAuditAndTellsTheTeamOnce() {
        panelScores();
        int scored = f.audit.entries().size(); // the panel's scores, audited as they were saved
        var outcome =
                assertInstanceOf(
                        ShortlistRecording.Outcome.Recorded.class,
                        f.recording.record(
                                STAFF,
                                f.role.id(),
                                Set.of(f.id(f.zebedee), f.id(f.orlaith)),
                                false,
                                "",
                                f.recording.proposal(STAFF, f.role.id()).version()));
        assertTrue(outcome.now());
        List<AuditEntry> recorded = f.audit.entries().subList(scored, f.audit.entries().size());
        assertEquals(INVITED_TO_INTERVIEW, f.status(f.zebedee));
        assertEquals(INVITED_TO_INTERVIEW, f.status(f.orlaith));
        assertEquals(NOT_SHORTLISTED, f.status(f.perpetua));
        Application orlaith =
                f.applications
                        .find(f.role.id(), f.orlaith.applicantKey(), Read.CONSISTENT)
                        .orElseThrow();
        assertTrue(ShortlistFacts.of(orlaith).guaranteedInterview());
        assertEquals(2, ShortlistFacts.of(orlaith).rank());
        assertEquals(
                List.of(
                        "recorded the shortlist: 2 invited to interview",
                        "invited to interview at shortlisting",
                        "invited to interview at shortlisting",
                        "not invited to interview at shortlisting"),
                recorded.stream().map(AuditEntry::what).toList());
        assertEquals("application:INV-PERP-0003", recorded.get(3).record());
        assertEquals(List.of("shortlist-recorded-panel-role"), outcome.messageIds());
        OutboxMessage m = f.outbox.messages().get(0);
        assertEquals("Shortlist recorded: Group member", m.email().subject());
        assertTrue(
                m.email().text().contains("https://staff.example.org/staff/interviews/panel-role"),
                m.email().text());
        assertTrue(m.email().text().contains("2 applicants are invited to interview."));
        assertTrue(m.email().text().contains("1 applicant is not invited."));
        for (var person :
                List.of(
                        FictionalApplicants.ZEBEDEE,
                        FictionalApplicants.ORLAITH,
                        FictionalApplicants.PERPETUA))
            for (String trace : person.traces())
                assertFalse(m.email().text().contains(trace), trace);
    }

    @Test
    void recordingTwiceChangesNothing() {
        panelScores();
        f.recording.record(
                STAFF,
                f.role.id(),
                Set.of(f.id(f.zebedee), f.id(f.orlaith)),
                false,
                "",
                f.recording.proposal(STAFF, f.role.id()).version());
        int entries = f.audit.entries().size();
        var again =
                assertInstanceOf(
                        ShortlistRecording.Outcome.Recorded.class,
                        f.recording.record(
                                STAFF,
                                f.role.id(),
                                Set.of(f.id(f.perpetua), f.id(f.orlaith)),
                                false,
                                "",
                                f.recording.proposal(STAFF, f.role.id()).version()));
        assertFalse(again.now());
        assertEquals(
                List.of(f.id(f.zebedee), f.id(f.orlaith)),
                again.decision().invited(),
                "the first decision stands");
        assertEquals(List.of(), again.messageIds());
        assertEquals(entries, f.audit.entries().size());
        assertEquals(NOT_SHORTLISTED, f.status(f.perpetua));
        assertEquals(1, f.outbox.messages().size());
    }

    @Test
    void aDecisionStoredByARunThatStoppedIsCarriedOutByTheNextAttempt() {
        panelScores();
        var decision =
                new ShortlistDecision(
                        f.role.id(),
                        List.of(f.id(f.zebedee), f.id(f.orlaith)),
                        STAFF.id(),
                        Instant.parse("2025-01-21T09:00:00Z"),
                        false,
                        "");
        f.store.decisions.put(f.role.id(), decision);
        f.recording.record(
                STAFF,
                f.role.id(),
                Set.of(),
                false,
                "",
                f.recording.proposal(STAFF, f.role.id()).version());
        assertEquals(INVITED_TO_INTERVIEW, f.status(f.zebedee));
        assertEquals(NOT_SHORTLISTED, f.status(f.perpetua));
    }

    @Test
    void leavingOutTheDisabilityConfidentApplicantIsRefusedAndNothingMoves() {
        panelScores();
        var refused =
                assertInstanceOf(
                        ShortlistRecording.Outcome.Refused.class,
                        f.recording.record(
                                STAFF,
                                f.role.id(),
                                Set.of(f.id(f.zebedee)),
                                false,
                                "",
                                f.recording.proposal(STAFF, f.role.id()).version()));
        assertTrue(
                refused.reasons().get(0).contains("Disability Confident"),
                refused.reasons().toString());
        assertEquals(RECEIVED, f.status(f.zebedee));
        assertTrue(f.store.decision(f.role.id()).isEmpty());
        assertTrue(f.outbox.messages().isEmpty());
    }

    @Test
    void theRecordedDecisionShowsItsWarnings() {
        ShortlistFixture three = new ShortlistFixture(3, 1);
        three.roles.panel(three.role.id(), PANEL_A);
        for (var a : List.of(three.zebedee, three.orlaith, three.perpetua))
            three.score(PANEL_A, a, 3, 3, 3);
        three.recording.record(
                STAFF,
                three.role.id(),
                Set.of(three.id(three.zebedee), three.id(three.orlaith)),
                false,
                "",
                three.recording.proposal(STAFF, three.role.id()).version());
        var p = three.recording.proposal(STAFF, three.role.id());
        assertTrue(p.decision().isPresent());
        assertEquals(List.of("You are inviting 2 to interview for 3 places."), p.warnings());
    }

    @Test
    void anApplicationReleasedAfterClosingNeedsItsPaperBeforeTheShortlistIsRecorded() {
        Application late =
                FictionalApplicants.submitted(
                        f.role,
                        new FictionalApplicants.Person(
                                "Quintessa Mulberrow",
                                "quintessa@example.org",
                                "07700 900111",
                                "5 Lark Rise",
                                "Ebbleton",
                                "EB1 1EB"),
                        "INV-QUIN-0004",
                        Instant.parse("2025-01-12T10:00:00Z"),
                        false);
        f.applications.add(late.after(HELD_TO_TALK_FIRST, Map.of()));
        panelScores();
        f.applications.add(late); // released from the talk-first queue: RECEIVED again
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
        assertTrue(
                refused.reasons().get(0).startsWith("1 application has no panel papers yet"),
                refused.reasons().toString());
        assertEquals(1, f.recording.proposal(STAFF, f.role.id()).unprepared());

        assertEquals(1, f.recording.preparePapers(STAFF, f.role.id()));
        assertEquals(
                0, f.recording.preparePapers(STAFF, f.role.id()), "preparing again adds nothing");
        assertEquals(4, f.store.papers(f.role.id()).size());
        assertEquals(
                "prepared panel papers: 1 added",
                f.audit.entries().get(f.audit.entries().size() - 1).what());
    }

    @Test
    void onlyStaffMayRecordOrPreparePapers() {
        assertThrows(
                AccessDenied.class,
                () ->
                        f.recording.record(
                                PANEL_A,
                                f.role.id(),
                                Set.of(f.id(f.zebedee)),
                                false,
                                "",
                                f.recording.proposal(STAFF, f.role.id()).version()));
        assertThrows(AccessDenied.class, () -> f.recording.preparePapers(PANEL_A, f.role.id()));
        assertThrows(AccessDenied.class, () -> f.recording.proposal(PANEL_A, f.role.id()));
    }
}
