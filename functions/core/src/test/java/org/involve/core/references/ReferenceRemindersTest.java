package org.involve.core.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestStaff;
import org.junit.jupiter.api.Test;

class ReferenceRemindersTest {
    private static final String ONE = "robin.refereeone@example.org",
            TWO = "kit.refereetwo@example.org";
    private final World w = new World();

    private Application requestedAt(Instant when, String reference) {
        w.clock.set(when);
        Application a = w.booked(reference);
        w.desk.recordResult(
                TestStaff.STAFF,
                w.role.id(),
                a.reference(),
                World.readAt(a, Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL)));
        return a;
    }

    private ReferenceReminders.Result runAt(Instant when) {
        w.clock.set(when);
        return w.reminders.run(when);
    }

    @Test
    void nothingIsSentBeforeTheSetNumberOfDays() {
        requestedAt(Instant.parse("2025-06-02T14:00:00Z"), "INV-6666-2222");
        assertEquals(
                0,
                runAt(Instant.parse("2025-06-06T22:59:59Z")).reminded(),
                "7 June starts at 23:00 UTC on 6 June (BST)");
        assertEquals(2, w.outbox.messages().size());
    }

    @Test
    void unansweredRefereesAreRemindedOnceAtTheDueDayWithAWorkingLink() {
        requestedAt(Instant.parse("2025-06-02T14:00:00Z"), "INV-6666-3333");
        w.referees.send(w.tokenSentTo(ONE), World.reference());
        var first = runAt(Instant.parse("2025-06-07T09:00:00Z"));
        assertEquals(1, first.reminded(), "only the referee who has not answered");
        assertEquals(1, w.mailTo(ONE).size());
        assertEquals(2, w.mailTo(TWO).size());
        assertTrue(
                w.mailTo(TWO).get(1).email().subject().startsWith("Reminder: Reference request"));
        assertEquals(
                0,
                runAt(Instant.parse("2025-06-07T09:05:00Z")).reminded(),
                "a second run the same day sends nothing");
        assertEquals(2, w.mailTo(TWO).size());
        assertInstanceOf(
                RefereeResponses.Sent.Thanks.class,
                w.referees.send(w.tokenSentTo(TWO), World.reference()),
                "the reminder's link works");
        assertEquals(
                0,
                runAt(Instant.parse("2025-06-20T09:00:00Z")).reminded(),
                "answered references are never chased");
    }

    @Test
    void afterTheLastReminderTheTeamIsToldOnce() {
        Application a = requestedAt(Instant.parse("2025-06-02T14:00:00Z"), "INV-6666-4444");
        assertEquals(2, runAt(Instant.parse("2025-06-07T09:00:00Z")).reminded());
        assertEquals(2, runAt(Instant.parse("2025-06-12T09:00:00Z")).reminded());
        var third = runAt(Instant.parse("2025-06-17T09:00:00Z"));
        assertEquals(0, third.reminded());
        assertEquals(2, third.overdue());
        assertEquals(
                2,
                w.outbox.messages().stream()
                        .filter(
                                m ->
                                        m.purpose().equals("reference-overdue")
                                                && m.email().to().equals("team@example.org"))
                        .count());
        assertEquals(0, runAt(Instant.parse("2025-06-30T09:00:00Z")).overdue());
        assertEquals(3, w.mailTo(ONE).size(), "the request and two reminders");
        ReferenceRequest r =
                w.desk.candidate(TestStaff.STAFF, w.role.id(), a.reference()).requests().get(0);
        assertTrue(r.overdue());
        assertEquals(
                "Overdue: requested 2 June 2025, reminded 2 times (last on 12 June 2025). No answer yet: team told 17 June 2025",
                ReferenceStates.describe(r));
        assertEquals(
                2,
                w.audit.entries().stream()
                        .filter(e -> e.who().equals("scheduler:reference-reminders"))
                        .count());
    }

    @Test
    void daysAreCountedInUkTimeWhenTheClocksGoBack() {
        // 00:30 on 22 October 2025 in the UK (BST) is still 21 October in UTC; five UK days on is
        // 27 October, after the change to GMT.
        requestedAt(Instant.parse("2025-10-21T23:30:00Z"), "INV-6666-5555");
        assertEquals(0, runAt(Instant.parse("2025-10-26T23:59:59Z")).reminded());
        assertEquals(2, runAt(Instant.parse("2025-10-27T00:00:00Z")).reminded());
    }

    @Test
    void daysAreCountedInUkTimeWhenTheClocksGoForward() {
        // 23:30 on 27 March 2025 (GMT); five UK days on is 1 April, which starts at 23:00 UTC on 31
        // March (BST).
        requestedAt(Instant.parse("2025-03-27T23:30:00Z"), "INV-6666-6666");
        assertEquals(0, runAt(Instant.parse("2025-03-31T22:59:59Z")).reminded());
        assertEquals(2, runAt(Instant.parse("2025-03-31T23:00:00Z")).reminded());
    }

    @Test
    void anApplicationThatMovedOnIsNoLongerChased() {
        Application a = requestedAt(Instant.parse("2025-06-02T14:00:00Z"), "INV-6666-7777");
        Application now = w.now(a);
        w.round.advance(
                now,
                Application.Status.NOT_APPOINTED,
                Map.of(),
                w.audit.entries().get(0),
                java.util.List.of());
        assertEquals(0, runAt(Instant.parse("2025-06-07T09:00:00Z")).reminded());
        assertTrue(w.book.remindersDueBy(Instant.parse("2026-01-01T00:00:00Z")).isEmpty());
        assertEquals(2, w.outbox.messages().size());
    }

    @Test
    void aLinkOutlivesTheWaitForItsReminders() {
        assertTrue(
                World.SETTINGS
                                .linkLifetime()
                                .compareTo(Duration.ofDays(World.SETTINGS.reminderAfterDays()))
                        > 0);
    }
}
