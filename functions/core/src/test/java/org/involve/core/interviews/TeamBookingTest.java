package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestStaff;
import org.junit.jupiter.api.Test;

/** The team recording a time agreed by telephone or post. */
class TeamBookingTest {
    private final Round r = new Round();

    @Test
    void theTeamRecordsATimeAgreedByTelephoneWithTheAdjustments() {
        InterviewSlot slot = r.addSlot("18", "9:00", "60");
        Application byPhone =
                r.invited(
                        "INV-BBBB-2222", "beta@example.org", Map.of("contactMethod", "telephone"));
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
        assertEquals(
                List.of("INV-BBBB-2222"),
                r.interviews.board(TestStaff.STAFF, r.role.id()).tasks().stream()
                        .map(Application::reference)
                        .toList());

        var result =
                r.teamBooking.bookForApplicant(
                        TestStaff.STAFF,
                        r.role.id(),
                        r.readNow(
                                Map.of(
                                        "reference",
                                        "INV-BBBB-2222",
                                        "slot",
                                        slot.slotId(),
                                        "adjustments",
                                        "  Needs a quiet room  ")));

        assertInstanceOf(TeamBooking.BookedByTeam.class, result);
        Application booked = r.stored(byPhone);
        assertEquals(Application.Status.INTERVIEW_BOOKED, booked.status());
        assertEquals("Needs a quiet room", InterviewFacts.of(booked).adjustments());
        assertEquals("staff-0001", InterviewFacts.of(booked).bookedBy());
        assertEquals(slot.slotId(), InterviewFacts.of(booked).slotId());
        assertEquals("INV-BBBB-2222", r.schedule.forRole(r.role.id()).get(0).bookedBy());
        var board = r.interviews.board(TestStaff.STAFF, r.role.id());
        assertTrue(board.tasks().isEmpty());
        assertEquals(1, board.booked().size());
        assertEquals(
                "interview booked by the team",
                r.audit.entries().get(r.audit.entries().size() - 1).what());

        var again =
                (TeamBooking.BookingInvalid)
                        r.teamBooking.bookForApplicant(
                                TestStaff.STAFF,
                                r.role.id(),
                                r.readNow(
                                        Map.of(
                                                "reference",
                                                "INV-BBBB-2222",
                                                "slot",
                                                slot.slotId())));
        assertEquals(List.of("reference", "slot"), List.copyOf(again.errors().asMap().keySet()));
    }

    @Test
    void aBookingFromABoardReadBeforeTheApplicantChangedIsRefused() {
        InterviewSlot slot = r.addSlot("17", "10:30", "45");
        Application byPhone =
                r.invited(
                        "INV-BBBB-2222", "beta@example.org", Map.of("contactMethod", "telephone"));
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
        Map<String, String> read =
                r.readNow(Map.of("reference", byPhone.reference(), "slot", slot.slotId()));
        Application seen = r.stored(byPhone);
        r.round.advance(
                seen,
                seen.status(),
                Map.of("interview.note", "asked for a later time"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted",
                        "application:" + seen.reference(),
                        r.clock.instant(),
                        seen.status().name(),
                        seen.status().name()),
                java.util.List.of());

        var changed =
                org.junit.jupiter.api.Assertions.assertThrows(
                        Application.ChangedMeanwhile.class,
                        () -> r.teamBooking.bookForApplicant(TestStaff.STAFF, r.role.id(), read));
        assertEquals(r.stored(byPhone), changed.current());
        assertEquals(seen.status(), r.stored(byPhone).status(), "not booked");
        assertTrue(r.schedule.forRole(r.role.id()).get(0).free());
    }
}
