package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application.Status;
import org.involve.core.application.TalkFirstQueue.Decision;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.junit.jupiter.api.Test;

/** The talk-to-us-first queue and recording the conversation. */
class TalkFirstQueueTest extends StaffApplicationsFixture {
    @Test
    void anApplicantWhoMustTalkFirstIsHeldAndQueuedWithWhatTheyDeclared() {
        Application held = heldToTalkFirst();
        assertEquals(Status.HELD_TO_TALK_FIRST, held.status());
        assertTrue(
                outbox.find("talk-first-" + held.reference()).isPresent(),
                "staff are asked to contact them");
        round.add(
                TestApplications.submitted(
                        role,
                        "INV-BBBB-2222",
                        Instant.parse("2025-01-09T09:00:00Z"),
                        Map.of(ApplicationForm.EMAIL, "al@example.org")));

        var queue = talkFirst.held(TestStaff.STAFF);
        assertEquals(
                List.of(held.reference()),
                queue.stream().map(h -> h.application().reference()).toList());
        assertEquals(
                List.of("removed as a charity trustee by a court or the Charity Commission"),
                queue.get(0).declared());
        assertEquals(1, seeing.overview(TestStaff.STAFF).get(0).held());
    }

    @Test
    void afterTheConversationTheApplicationGoesAheadOnce() {
        Application held = heldToTalkFirst();
        Decision d =
                talkFirst.recordConversation(
                        TestStaff.STAFF,
                        held.reference(),
                        readNow(held, Map.of("result", "goes-ahead", "reason", "")));

        Decision.Recorded recorded = assertInstanceOf(Decision.Recorded.class, d);
        assertEquals(Status.RECEIVED, recorded.to());
        Application now = round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(Status.RECEIVED, now.status());
        assertEquals("Goes ahead after talking with the team.", HandlingFacts.of(now).talkFirst());
        assertEquals("Sam Staffmember on 10 January 2025", HandlingFacts.of(now).talkFirstBy());
        AuditEntry entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals(
                List.of("talked first: application goes ahead", "HELD_TO_TALK_FIRST", "RECEIVED"),
                List.of(entry.what(), entry.fromState(), entry.toState()));
        assertTrue(talkFirst.held(TestStaff.STAFF).isEmpty());

        assertInstanceOf(
                Decision.NotHeld.class,
                talkFirst.recordConversation(
                        TestStaff.STAFF,
                        held.reference(),
                        readNow(held, Map.of("result", "does-not-go-ahead", "reason", "x"))));
        assertEquals(
                Status.RECEIVED,
                round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow().status());
    }

    @Test
    void anApplicationThatDoesNotGoAheadNeedsTheReasonInPlainWords() {
        Application held = heldToTalkFirst();
        Decision.Invalid noReason =
                assertInstanceOf(
                        Decision.Invalid.class,
                        talkFirst.recordConversation(
                                TestStaff.STAFF,
                                held.reference(),
                                readNow(held, Map.of("result", "does-not-go-ahead"))));
        assertEquals(
                "Say why the application does not go ahead",
                noReason.errors().asMap().get("reason"));
        assertInstanceOf(
                Decision.Invalid.class,
                talkFirst.recordConversation(
                        TestStaff.STAFF, held.reference(), readNow(held, Map.of())));
        assertEquals(
                Status.HELD_TO_TALK_FIRST,
                round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow().status());

        talkFirst.recordConversation(
                TestStaff.STAFF,
                held.reference(),
                readNow(
                        held,
                        Map.of(
                                "result",
                                "does-not-go-ahead",
                                "reason",
                                "The disqualification order runs until 2027, so they will apply again then.")));
        Application now = round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(Status.NOT_SHORTLISTED, now.status());
        assertEquals(
                "Does not go ahead after talking with the team: The disqualification order runs until 2027, so they will apply again then.",
                HandlingFacts.of(now).talkFirst());
    }

    /** The form as the page read now posts it: with the application's current version. */
    private Map<String, String> readNow(Application seen, Map<String, String> posted) {
        Map<String, String> form = new java.util.HashMap<>(posted);
        round.findByReference(seen.reference(), Read.CONSISTENT)
                .ifPresent(a -> form.put(org.involve.core.kit.Version.FIELD, a.version()));
        return form;
    }

    @Test
    void aConversationRecordedFromAFormReadBeforeAnotherChangeIsRefused() {
        Application held = heldToTalkFirst();
        Map<String, String> seen = readNow(held, Map.of("result", "goes-ahead", "reason", ""));
        round.advance(
                held,
                Status.HELD_TO_TALK_FIRST,
                Map.of("handling.note", "phoned, no answer"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted",
                        "application:" + held.reference(),
                        Instant.parse("2025-01-10T11:00:00Z"),
                        "HELD_TO_TALK_FIRST",
                        "HELD_TO_TALK_FIRST"),
                List.of());
        Application now = round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow();

        var changed =
                org.junit.jupiter.api.Assertions.assertThrows(
                        Application.ChangedMeanwhile.class,
                        () ->
                                talkFirst.recordConversation(
                                        TestStaff.STAFF, held.reference(), seen));
        assertEquals(now, changed.current());
        assertEquals(now, round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow());
    }
}
