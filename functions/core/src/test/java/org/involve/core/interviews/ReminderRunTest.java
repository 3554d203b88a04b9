package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

class ReminderRunTest {
    private final Round r =
            new Round(
                    TestRoles.dayRate(LocalDate.of(2025, 2, 1))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final ReminderRun run = new ReminderRun(r.schedule, r.round, r.roles, r.letters, 1);
    private int n;

    /** A booking at {@code startsAt} (given as a UTC instant), made as the booking page makes it. */
    private Application bookedAt(String startsAt, Map<String, String> changes) {
        n++;
        Instant at = Instant.parse(startsAt);
        InterviewSlot slot =
                InterviewSlot.free(
                        r.role.id(),
                        at.atZone(org.involve.core.kit.ClosingTime.UK).toLocalDateTime(),
                        30);
        r.schedule.slots.put(slot.roleId() + "|" + slot.slotId(), slot);
        Application app =
                r.invited("INV-TEST-" + (1000 + n), "person" + n + "@example.org", changes);
        var audit =
                new org.involve.core.audit.AuditEntry(
                        "applicant-link",
                        "booked",
                        "application:" + app.reference(),
                        Instant.EPOCH,
                        "A",
                        "B");
        assertEquals(
                InterviewSchedule.Booked.BOOKED,
                r.schedule.book(
                        new InterviewSchedule.Booking(
                                slot,
                                app,
                                null,
                                Instant.EPOCH,
                                InterviewFacts.booked(
                                                slot,
                                                "",
                                                Instant.EPOCH,
                                                InterviewFacts.APPLICANT_LINK)
                                        .asFacts(),
                                audit,
                                List.of())));
        return app;
    }

    private Application bookedAt(String startsAt) {
        return bookedAt(startsAt, Map.of());
    }

    private List<String> remindedAt(String now) {
        return run.run(Instant.parse(now)).messageIds();
    }

    private static String reminder(Application a) {
        return "interview-reminder-" + a.reference() + "-";
    }

    @Test
    void remindsTheDayBeforeOnceHoweverOftenItRuns() {
        Application tomorrow = bookedAt("2025-01-15T10:30:00Z");
        Application later = bookedAt("2025-01-16T10:30:00Z");
        List<String> first = remindedAt("2025-01-14T09:00:00Z");
        assertEquals(1, first.size());
        assertTrue(first.get(0).startsWith(reminder(tomorrow)));
        assertEquals(
                List.of(),
                remindedAt("2025-01-14T09:00:00Z"),
                "a second run the same day sends nothing");
        assertEquals(List.of(), remindedAt("2025-01-14T15:00:00Z"));
        List<String> next = remindedAt("2025-01-15T09:00:00Z");
        assertTrue(next.size() == 1 && next.get(0).startsWith(reminder(later)));
        var m = r.outbox.find(first.get(0)).orElseThrow();
        assertEquals("person1@example.org", m.email().to());
        assertEquals(
                "Reminder: your interview on Wednesday 15 January 2025 at 10:30am",
                m.email().subject());
        assertTrue(m.email().text().contains("How: by video call"));
    }

    @Test
    void theDayBeforeTheClocksGoForwardCoversTheWhole23HourDay() {
        Application lateSunday = bookedAt("2025-03-30T22:30:00Z"); // 11:30pm BST on Sunday 30 March
        Application earlyMonday =
                bookedAt("2025-03-30T23:30:00Z"); // 12:30am BST on Monday 31 March
        List<String> saturday = remindedAt("2025-03-29T09:00:00Z");
        assertEquals(1, saturday.size());
        assertTrue(saturday.get(0).startsWith(reminder(lateSunday)));
        assertEquals(
                "Reminder: your interview on Sunday 30 March 2025 at 11:30pm",
                r.outbox.find(saturday.get(0)).orElseThrow().email().subject());
        List<String> sunday = remindedAt("2025-03-30T08:00:00Z"); // 9am BST
        assertTrue(sunday.size() == 1 && sunday.get(0).startsWith(reminder(earlyMonday)));
    }

    @Test
    void theDayBeforeTheClocksGoBackCoversTheWhole25HourDay() {
        Application lateSunday =
                bookedAt("2025-10-26T23:30:00Z"); // 11:30pm GMT on Sunday 26 October
        Application earlyMonday =
                bookedAt("2025-10-27T00:30:00Z"); // 12:30am GMT on Monday 27 October
        Application earlySunday =
                bookedAt("2025-10-26T00:30:00Z"); // 1:30am BST, the first of the two 1:30s
        List<String> saturday = remindedAt("2025-10-25T08:00:00Z"); // 9am BST
        assertEquals(2, saturday.size());
        assertTrue(saturday.stream().anyMatch(id -> id.startsWith(reminder(lateSunday))));
        assertTrue(saturday.stream().anyMatch(id -> id.startsWith(reminder(earlySunday))));
        List<String> sunday = remindedAt("2025-10-26T09:00:00Z"); // 9am GMT
        assertTrue(sunday.size() == 1 && sunday.get(0).startsWith(reminder(earlyMonday)));
    }

    @Test
    void aLongerLeadRemindsEarlierAndAPastInterviewIsNotReminded() {
        bookedAt("2025-01-13T10:30:00Z");
        Application inTwoDays = bookedAt("2025-01-16T10:30:00Z");
        var twoDays =
                new ReminderRun(r.schedule, r.round, r.roles, r.letters, 2)
                        .run(Instant.parse("2025-01-14T09:00:00Z"))
                        .messageIds();
        assertTrue(twoDays.size() == 1 && twoDays.get(0).startsWith(reminder(inTwoDays)));
    }

    @Test
    void telephoneApplicantsAreRemindedByTheTeam() {
        Application byPhone =
                bookedAt("2025-01-15T10:30:00Z", Map.of("contactMethod", "telephone"));
        List<String> ids = remindedAt("2025-01-14T09:00:00Z");
        var m = r.outbox.find(ids.get(0)).orElseThrow();
        assertEquals("team@example.org", m.email().to());
        assertEquals(
                "Remind application "
                        + byPhone.reference()
                        + " of their interview on Wednesday 15 January 2025 at 10:30am",
                m.email().subject());
    }

    @Test
    void theQueryReadsOnlyWhatIsDue() {
        for (int i = 0; i < 200; i++)
            bookedAt(Instant.parse("2025-02-01T10:00:00Z").plusSeconds(3600L * i).toString());
        bookedAt("2025-01-15T10:30:00Z");
        r.schedule.reminderQueries.clear();
        assertEquals(1, remindedAt("2025-01-14T09:00:00Z").size());
        assertEquals(List.of(1), r.schedule.reminderQueries);
    }
}
