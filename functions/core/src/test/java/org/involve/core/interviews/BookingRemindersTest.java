package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.junit.jupiter.api.Test;

/** One reminder to book, from the index keyed by its due time, for those invited who have not booked. */
class BookingRemindersTest {
    private final Round r = new Round();
    private final BookingReminders reminders =
            new BookingReminders(
                    r.schedule,
                    r.round,
                    r.roles,
                    r.links,
                    r.letters,
                    "https://involve.example.org");

    private void inviteAll() {
        r.addSlot("17", "10:30", "45");
        r.addSlot("18", "10:30", "45");
        r.invited("INV-AAAA-1111", "alpha@example.org");
        r.invited("INV-BBBB-2222", "beta@example.org");
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
    }

    @Test
    void theReminderIsDueThreeDaysBeforeTheDeadlineOrADayAfterTheInvitation() {
        Instant bookBy = Instant.parse("2024-12-16T00:00:00Z");
        assertEquals(
                Instant.parse("2024-12-13T00:00:00Z"),
                BookingReminders.dueAt(Instant.parse("2024-12-02T10:00:00Z"), bookBy));
        assertEquals(
                Instant.parse("2024-12-14T09:00:00Z"),
                BookingReminders.dueAt(Instant.parse("2024-12-13T09:00:00Z"), bookBy));
        assertNull(BookingReminders.dueAt(Instant.parse("2024-12-15T09:00:00Z"), bookBy));
    }

    @Test
    void eachInviteeWhoHasNotBookedIsRemindedOnceWithAFreshLink() {
        inviteAll();
        assertEquals(
                Instant.parse("2024-12-13T00:00:00Z"),
                r.schedule.bookingReminders.get("INV-AAAA-1111"));
        String token = r.tokenSentTo("INV-BBBB-2222");
        var choose = (InterviewBooking.Choose) r.booking.open(token);
        r.booking.book(token, Map.of("slot", choose.free().get(0).slotId()));
        assertEquals(List.of("INV-AAAA-1111"), List.copyOf(r.schedule.bookingReminders.keySet()));

        assertEquals(0, reminders.run(Instant.parse("2024-12-12T23:59:00Z")).reminded());
        var result = reminders.run(Instant.parse("2024-12-13T09:00:00Z"));
        assertEquals(List.of("interview-book-reminder-INV-AAAA-1111"), result.messageIds());
        var mail = r.outbox.find("interview-book-reminder-INV-AAAA-1111").orElseThrow().email();
        assertEquals("alpha@example.org", mail.to());
        assertTrue(mail.text().contains("Sunday 15 December 2024 at 11:59pm"), mail.text());
        assertTrue(mail.text().contains("https://involve.example.org/interview/"), mail.text());
        assertTrue(mail.text().contains("/withdraw/"), mail.text());
        String fresh =
                mail.text()
                        .replaceAll(
                                "(?s).*https://involve\\.example\\.org/interview/([A-Za-z0-9_.-]+).*",
                                "$1");
        assertTrue(r.booking.open(fresh) instanceof InterviewBooking.Choose);
        Application app = r.round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow();
        assertNotNull(FollowUpFacts.of(app).remindedToBook());

        assertEquals(0, reminders.run(Instant.parse("2024-12-14T09:00:00Z")).reminded());
        assertEquals(
                1,
                r.outbox.messages().stream()
                        .filter(m -> m.id().startsWith("interview-book-reminder"))
                        .count());
    }

    @Test
    void someoneWhoMovedOnIsDroppedFromTheIndexWithoutAnEmail() {
        inviteAll();
        Application a = r.round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow();
        r.followingUp.didNotAttend(
                TestStaff.STAFF, r.role.id(), "INV-AAAA-1111", r.versionNow("INV-AAAA-1111"));
        Application b = r.round.findByReference("INV-BBBB-2222", Read.CONSISTENT).orElseThrow();
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, b.status());
        // After the deadline there is nothing to remind them of: staff follow up instead.
        var late = reminders.run(Instant.parse("2024-12-16T09:00:00Z"));
        assertEquals(0, late.reminded());
        assertTrue(r.schedule.bookingReminders.isEmpty());
        assertTrue(r.outbox.find("interview-book-reminder-" + a.reference()).isEmpty());
    }
}
