package org.involve.core.references;

import static org.involve.core.application.Application.Status.INTERVIEW_BOOKED;
import static org.involve.core.application.Application.Status.NOT_APPOINTED;
import static org.involve.core.application.Application.Status.REFERENCES_REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class ReferencesDeskTest {
    private final World w = new World();

    private ReferencesDesk.Recorded record(Application a, String result, String note) {
        return w.desk.recordResult(
                TestStaff.STAFF,
                w.role.id(),
                a.reference(),
                World.readAt(a, Map.of(ReferencesDesk.RESULT, result, ReferencesDesk.NOTE, note)));
    }

    @Test
    void anUnsuccessfulInterviewEndsTheApplicationWithItsAuditEntryAndNoEmail() {
        Application a = w.booked("INV-2222-3333");
        var done =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class,
                        record(a, ReferencesDesk.UNSUCCESSFUL, "Not enough experience yet"));
        assertEquals(NOT_APPOINTED, done.status());
        Application now = w.now(a);
        assertEquals(NOT_APPOINTED, now.status());
        assertEquals(false, ReferenceFacts.of(now).interviewSuccessful());
        assertEquals("Not enough experience yet", ReferenceFacts.of(now).interviewNote());
        assertTrue(w.outbox.messages().isEmpty());
        AuditEntry entry = w.audit.entries().get(0);
        assertEquals(
                List.of(
                        TestStaff.STAFF.id(),
                        "application:INV-2222-3333",
                        "INTERVIEW_BOOKED",
                        "NOT_APPOINTED"),
                List.of(entry.who(), entry.record(), entry.fromState(), entry.toState()));
        assertTrue(w.book.requests.isEmpty());
    }

    @Test
    void aSuccessfulInterviewAsksEachRefereeWithASignedLinkAboutAnOpaqueRequest() {
        Application a = w.booked("INV-2222-4444");
        var done =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class,
                        record(a, ReferencesDesk.SUCCESSFUL, ""));
        assertEquals(REFERENCES_REQUESTED, done.status());
        assertEquals(2, done.messageIds().size());

        Application now = w.now(a);
        assertEquals(REFERENCES_REQUESTED, now.status());
        assertEquals(2, w.book.requests.size());
        for (String address :
                List.of("robin.refereeone@example.org", "kit.refereetwo@example.org")) {
            List<OutboxMessage> mail = w.mailTo(address);
            assertEquals(1, mail.size(), address);
            assertTrue(
                    mail.get(0)
                            .email()
                            .subject()
                            .startsWith("Reference request for Jo Testperson"));
            assertTrue(
                    mail.get(0).email().text().contains("contact Test Contact at team@example.org"),
                    "signposts the role's contact");
            String token = w.tokenSentTo(address);
            LinkCheck.Valid valid =
                    assertInstanceOf(
                            LinkCheck.Valid.class,
                            w.links.verify(token, LinkPurpose.REFERENCE, w.clock.instant()));
            assertTrue(
                    w.book.requests.containsKey(valid.subjectId()),
                    "the link is about a reference request");
            assertFalse(valid.subjectId().contains("@"));
            assertEquals(
                    valid.subjectId(),
                    ReferenceFacts.of(now)
                            .requestIds()
                            .get(w.book.requests.get(valid.subjectId()).number() - 1));
        }
        assertEquals(
                List.of(INTERVIEW_BOOKED.name(), REFERENCES_REQUESTED.name()),
                List.of(w.audit.entries().get(0).fromState(), w.audit.entries().get(0).toState()));
    }

    @Test
    void recordingTwiceDoesNothingMore() {
        Application a = w.booked("INV-2222-5555");
        record(a, ReferencesDesk.SUCCESSFUL, "");
        int mails = w.outbox.messages().size();
        var again =
                assertInstanceOf(
                        ReferencesDesk.Recorded.AlreadyRecorded.class,
                        record(a, ReferencesDesk.SUCCESSFUL, ""));
        assertEquals(REFERENCES_REQUESTED, again.status());
        assertInstanceOf(
                ReferencesDesk.Recorded.AlreadyRecorded.class,
                record(a, ReferencesDesk.UNSUCCESSFUL, ""));
        assertEquals(mails, w.outbox.messages().size());
        assertEquals(2, w.book.requests.size());
        assertEquals(1, w.audit.entries().size());
    }

    @Test
    void aResultFromAFormReadBeforeAnotherChangeIsRefusedAndWritesNothing() {
        Application seen = w.booked("INV-3333-7777");
        // Someone else changes the application meanwhile without moving it on: the interview time.
        Application moved =
                w.round.advance(
                                seen,
                                Application.Status.INTERVIEW_BOOKED,
                                Map.of("interview.slot", "another-slot"),
                                new org.involve.core.audit.AuditEntry(
                                        "someone-else",
                                        "moved the interview",
                                        "application:" + seen.reference(),
                                        w.clock.instant(),
                                        "INTERVIEW_BOOKED",
                                        "INTERVIEW_BOOKED"),
                                List.of())
                        ? w.round
                                .find(seen.roleId(), seen.applicantKey(), Read.CONSISTENT)
                                .orElseThrow()
                        : null;
        int audited = w.audit.entries().size();
        for (Map<String, String> stale :
                List.of(
                        World.readAt(
                                seen, Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL)),
                        Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL))) {
            var changed =
                    assertThrows(
                            Application.ChangedMeanwhile.class,
                            () ->
                                    w.desk.recordResult(
                                            TestStaff.STAFF, w.role.id(), seen.reference(), stale));
            assertEquals(moved, changed.current());
            assertTrue(changed.getMessage().startsWith("Someone else changed this application"));
        }
        assertEquals(audited, w.audit.entries().size());
        assertEquals(0, w.book.requests.size());
        assertInstanceOf(
                ReferencesDesk.Recorded.Done.class,
                w.desk.recordResult(
                        TestStaff.STAFF,
                        w.role.id(),
                        seen.reference(),
                        World.readAt(
                                moved, Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL))),
                "the page as it is now records it");
    }

    @Test
    void twoPeopleRecordingFromTheSamePageMakeOneStep() {
        Application seenByBoth = w.booked("INV-2222-6666");
        assertInstanceOf(
                ReferencesDesk.Recorded.Done.class,
                w.desk.recordResult(
                        TestStaff.STAFF,
                        w.role.id(),
                        seenByBoth.reference(),
                        World.readAt(
                                seenByBoth,
                                Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL))));
        // The second person's request reads the application again, so it sees the step already
        // taken.
        assertInstanceOf(
                ReferencesDesk.Recorded.AlreadyRecorded.class,
                w.desk.recordResult(
                        TestStaff.STAFF,
                        w.role.id(),
                        seenByBoth.reference(),
                        World.readAt(
                                seenByBoth,
                                Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL))));
        // And a step from a stale read writes nothing at all.
        assertFalse(
                w.book.request(
                        seenByBoth, Map.of(), w.audit.entries().get(0), List.of(), List.of()));
        assertEquals(2, w.book.requests.size());
    }

    @Test
    void noResultChosenIsAnErrorAndNothingIsWritten() {
        Application a = w.booked("INV-2222-7777");
        var invalid =
                assertInstanceOf(ReferencesDesk.Recorded.Invalid.class, record(a, "", "a note"));
        assertEquals(
                "Select the result of the interview",
                invalid.errors().asMap().get(ReferencesDesk.RESULT));
        assertEquals("a note", invalid.values().get(ReferencesDesk.NOTE), "what was typed is kept");
        assertEquals(INTERVIEW_BOOKED, w.now(a).status());
    }

    @Test
    void onlyStaffMayRecordOrSeeReferences() {
        Application a = w.booked("INV-2222-8888");
        assertThrows(
                AccessDenied.class,
                () ->
                        w.desk.recordResult(
                                TestStaff.PANEL_A,
                                w.role.id(),
                                a.reference(),
                                World.readAt(a, Map.of(ReferencesDesk.RESULT, "successful"))));
        assertThrows(AccessDenied.class, () -> w.desk.role(TestStaff.PANEL_A, w.role.id()));
        assertThrows(
                AccessDenied.class,
                () -> w.desk.candidate(TestStaff.FINANCE, w.role.id(), a.reference()));
        assertEquals(INTERVIEW_BOOKED, w.now(a).status());
    }

    @Test
    void theRolePageListsApplicantsFromTheInterviewOnWithTheirReferences() {
        Application booked = w.booked("INV-3333-2222");
        w.clock.advance(java.time.Duration.ofMinutes(1));
        Application successful = w.booked("INV-3333-4444");
        w.round.add(
                org.involve.core.fakes.TestApplications.submitted(
                        w.role, "INV-3333-5555", w.clock.instant()));
        record(successful, ReferencesDesk.SUCCESSFUL, "");
        var view = w.desk.role(TestStaff.STAFF, w.role.id());
        assertEquals(
                List.of(booked.reference(), successful.reference()),
                view.candidates().stream().map(c -> c.application().reference()).toList());
        assertEquals(2, view.candidates().get(1).requests().size());
        assertEquals(
                List.of(1, 2),
                view.candidates().get(1).requests().stream()
                        .map(ReferenceRequest::number)
                        .toList());
        assertTrue(view.candidates().get(0).awaitingResult());
        assertThrows(
                ReferencesDesk.NotFound.class,
                () -> w.desk.candidate(TestStaff.STAFF, "another-role", booked.reference()));
    }

    @Test
    void eachReferencesStateReadsInPlainWords() {
        Application a = w.booked("INV-3333-6666");
        record(a, ReferencesDesk.SUCCESSFUL, "");
        ReferenceRequest r =
                w.desk.candidate(TestStaff.STAFF, w.role.id(), a.reference()).requests().get(0);
        assertEquals(
                "Requested 3 March 2025. Next reminder 8 March 2025", ReferenceStates.describe(r));
        assertEquals("Waiting", ReferenceStates.tag(r));
    }
}
