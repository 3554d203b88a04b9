package org.involve.core.interviews;

import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class InterviewsTest {
    private final Round r = new Round();

    private InterviewSlot add(String day, String time, String minutes) {
        return ((InterviewTimes.Added) r.times.addSlot(TestStaff.STAFF, r.role.id(), Round.slotForm(day, time, minutes))).slot();
    }

    private Map<String, String> errors(Map<String, String> form) {
        return ((InterviewTimes.Invalid) r.times.addSlot(TestStaff.STAFF, r.role.id(), form)).errors().asMap();
    }

    @Test
    void aSlotIsAUkTimeInTheInterviewWeekWithItsLengthAndIsAudited() {
        InterviewSlot slot = add("17", "10:30", "45");
        assertEquals(Instant.parse("2024-12-17T10:30:00Z"), slot.startsAt());
        assertEquals("Tuesday 17 December 2024 at 10:30am (45 minutes)", slot.describe());
        assertEquals(List.of(slot), r.schedule.forRole(r.role.id()));
        AuditEntry entry = r.schedule.slotAudit.get(0);
        assertEquals("staff-0001", entry.who());
        assertEquals("role:" + r.role.id(), entry.record());
        assertEquals(Instant.parse("2024-12-17T14:00:00Z"), add("17", "2pm", "30").startsAt());
    }

    @Test
    void aSlotOutsideTheWeekInThePastOrOverlappingIsRefusedInPlainWords() {
        add("17", "10:30", "45");
        assertEquals("The date must be in the interview week, 16 December 2024 to 22 December 2024", errors(Round.slotForm("23", "10:30", "45")).get("date-day"));
        assertEquals("The date of the interview must be a real date, like 16 12 2024", errors(Round.slotForm("32", "11:00", "45")).get("date-day"));
        assertEquals("This overlaps the interview at Tuesday 17 December 2024 at 10:30am (45 minutes). Choose another time",
                errors(Round.slotForm("17", "11:00", "30")).get("startTime"));
        assertEquals("Enter the start time as a time of day, like 10:30 or 2:30pm", errors(Round.slotForm("17", "25:00", "30")).get("startTime"));
        assertEquals("Enter how long the interview lasts, in minutes, from 10 to 240", errors(Round.slotForm("17", "12:00", "5")).get("minutes"));
        Map<String, String> empty = errors(Map.of());
        assertEquals(List.of("date-day", "startTime", "minutes"), List.copyOf(empty.keySet()));
        r.clock.set(Instant.parse("2024-12-18T09:00:00Z"));
        assertEquals("The interview must start in the future", errors(Round.slotForm("18", "08:30", "30")).get("startTime"));
        assertEquals(1, r.schedule.forRole(r.role.id()).size());
    }

    @Test
    void slotsAreRightEitherSideOfTheClocksGoingForward() {
        Round spring = new Round(org.involve.core.fakes.TestRoles.dayRate(java.time.LocalDate.of(2025, 2, 22))
                .withStatus(org.involve.core.role.RoleStatus.SHORTLISTING)); // interview week commencing Monday 24 March 2025
        spring.clock.set(Instant.parse("2025-03-01T10:00:00Z"));
        var before = (InterviewTimes.Added) spring.times.addSlot(TestStaff.STAFF, spring.role.id(),
                Map.of("date-day", "28", "date-month", "3", "date-year", "2025", "startTime", "10:30", "minutes", "45"));
        var after = (InterviewTimes.Added) spring.times.addSlot(TestStaff.STAFF, spring.role.id(),
                Map.of("date-day", "30", "date-month", "3", "date-year", "2025", "startTime", "10:30", "minutes", "45"));
        assertEquals(Instant.parse("2025-03-28T10:30:00Z"), before.slot().startsAt(), "GMT");
        assertEquals(Instant.parse("2025-03-30T09:30:00Z"), after.slot().startsAt(), "BST");
        assertEquals("Sunday 30 March 2025 at 10:30am", InterviewTime.display(after.slot().startsAt()));
        var missing = (InterviewTimes.Invalid) spring.times.addSlot(TestStaff.STAFF, spring.role.id(),
                Map.of("date-day", "30", "date-month", "3", "date-year", "2025", "startTime", "1:30", "minutes", "30"));
        assertTrue(missing.errors().asMap().get("startTime").startsWith("There is no 1:30am on 30 March 2025 in the UK"));
    }

    @Test
    void invitationsGoOnceByEmailWithAOneUseLinkOrAsATaskForTheTeam() {
        add("17", "10:30", "45");
        add("17", "11:30", "45");
        Application byEmail = r.invited("INV-AAAA-1111", "alpha@example.org");
        Application byPhone = r.invited("INV-BBBB-2222", "beta@example.org", Map.of("contactMethod", "telephone"));

        InterviewInvitations.Sent sent = r.invitations.sendInvitations(TestStaff.STAFF, r.role.id());

        assertEquals(1, sent.emails());
        assertEquals(1, sent.tasks());
        OutboxMessage invitation = r.outbox.find("interview-invitation-INV-AAAA-1111").orElseThrow();
        assertEquals("alpha@example.org", invitation.email().to());
        String text = invitation.email().text();
        assertTrue(text.contains("Tuesday 17 December 2024 at 10:30am (45 minutes)"), text);
        assertTrue(text.contains("Tuesday 17 December 2024 at 11:30am (45 minutes)"));
        assertTrue(text.contains("Please choose a time by Sunday 15 December 2024 at 11:59pm"), text);
        assertTrue(text.contains("contact Test Contact at team@example.org or call 01632 960 002, quoting your reference INV-AAAA-1111"));
        var check = r.links.verify(r.tokenSentTo("INV-AAAA-1111"), org.involve.core.links.LinkPurpose.INTERVIEW_BOOKING, r.clock.instant());
        var valid = assertInstanceOf(org.involve.core.links.LinkCheck.Valid.class, check);
        assertEquals("INV-AAAA-1111", valid.subjectId());
        assertEquals(Instant.parse("2024-12-16T00:00:00Z"), valid.expiresAt(), "links stop at the start of the interview week");

        OutboxMessage task = r.outbox.find("interview-task-INV-BBBB-2222").orElseThrow();
        assertEquals("team@example.org", task.email().to());
        assertEquals("Book an interview by telephone: application INV-BBBB-2222", task.email().subject());
        assertTrue(task.email().text().contains("Phone: 07700 900982"));

        assertEquals("email", InterviewFacts.of(r.stored(byEmail)).invitedBy());
        assertEquals("team", InterviewFacts.of(r.stored(byPhone)).invitedBy());
        assertEquals("2024-12-02T10:00:00Z", String.valueOf(InterviewFacts.of(r.stored(byEmail)).invitedAt()));
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, r.stored(byEmail).status());
        assertEquals(2, r.audit.entries().size());

        // Sending again sends nothing more.
        assertThrows(Interviews.Refused.class, () -> r.invitations.sendInvitations(TestStaff.STAFF, r.role.id()));
        Application late = r.invited("INV-CCCC-3333", "gamma@example.org");
        InterviewInvitations.Sent second = r.invitations.sendInvitations(TestStaff.STAFF, r.role.id());
        assertEquals(List.of("interview-invitation-INV-CCCC-3333"), second.messageIds());
        assertEquals(3, r.outbox.messages().size());
        assertEquals(3, r.audit.entries().size());
        assertTrue(InterviewFacts.of(r.stored(late)).invited());
    }

    @Test
    void invitationsNeedAFreeSlotAndAreNotSentByEmailOnceTheWeekHasStarted() {
        r.invited("INV-AAAA-1111", "alpha@example.org");
        var none = assertThrows(Interviews.Refused.class, () -> r.invitations.sendInvitations(TestStaff.STAFF, r.role.id()));
        assertEquals("Add at least one interview time before sending invitations.", none.getMessage());
        add("20", "10:30", "45");
        r.clock.set(Instant.parse("2024-12-16T08:00:00Z"));
        var late = assertThrows(Interviews.Refused.class, () -> r.invitations.sendInvitations(TestStaff.STAFF, r.role.id()));
        assertTrue(late.getMessage().startsWith("The interview week has started"));
        assertTrue(r.outbox.messages().isEmpty());
    }

    @Test
    void theTeamRecordsATimeAgreedByTelephoneWithTheAdjustments() {
        InterviewSlot slot = add("18", "9:00", "60");
        Application byPhone = r.invited("INV-BBBB-2222", "beta@example.org", Map.of("contactMethod", "telephone"));
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id());
        assertEquals(List.of("INV-BBBB-2222"), r.interviews.board(TestStaff.STAFF, r.role.id()).tasks().stream().map(Application::reference).toList());

        var result = r.teamBooking.bookForApplicant(TestStaff.STAFF, r.role.id(),
                Map.of("reference", "INV-BBBB-2222", "slot", slot.slotId(), "adjustments", "  Needs a quiet room  "));

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
        assertEquals("interview booked by the team", r.audit.entries().get(r.audit.entries().size() - 1).what());

        var again = (TeamBooking.BookingInvalid) r.teamBooking.bookForApplicant(TestStaff.STAFF, r.role.id(), Map.of("reference", "INV-BBBB-2222", "slot", slot.slotId()));
        assertEquals(List.of("reference", "slot"), List.copyOf(again.errors().asMap().keySet()));
    }

    @Test
    void aBookedSlotCannotBeRemovedAndAFreeOneCan() {
        InterviewSlot keep = add("18", "9:00", "60");
        InterviewSlot drop = add("18", "11:00", "60");
        r.times.removeSlot(TestStaff.STAFF, r.role.id(), drop.slotId());
        assertEquals(List.of(keep), r.schedule.forRole(r.role.id()));
        r.invited("INV-BBBB-2222", "beta@example.org", Map.of("contactMethod", "post"));
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id());
        r.teamBooking.bookForApplicant(TestStaff.STAFF, r.role.id(), Map.of("reference", "INV-BBBB-2222", "slot", keep.slotId()));
        var refused = assertThrows(Interviews.Refused.class, () -> r.times.removeSlot(TestStaff.STAFF, r.role.id(), keep.slotId()));
        assertTrue(refused.getMessage().contains("is booked"));
    }

    @Test
    void onlyStaffMayArrangeInterviews() {
        assertThrows(AccessDenied.class, () -> r.interviews.roles(TestStaff.PANEL_A));
        assertThrows(AccessDenied.class, () -> r.interviews.board(TestStaff.PANEL_A, r.role.id()));
        assertThrows(AccessDenied.class, () -> r.times.addSlot(TestStaff.FINANCE, r.role.id(), Round.slotForm("17", "10:30", "45")));
        assertThrows(AccessDenied.class, () -> r.invitations.sendInvitations(TestStaff.PANEL_A, r.role.id()));
        assertTrue(r.schedule.slots.isEmpty());
        assertThrows(Interviews.NoSuchRole.class, () -> r.interviews.board(TestStaff.STAFF, "no-such-role"));
    }

    @Test
    void theRoleListShowsRolesAtInterviewStageWithTheirProgress() {
        add("17", "10:30", "45");
        r.invited("INV-AAAA-1111", "alpha@example.org");
        r.roleRecords.roles.put("open-role", org.involve.core.fakes.TestRoles.monthly(java.time.LocalDate.of(2025, 1, 1)));
        List<Interviews.Listed> listed = r.interviews.roles(TestStaff.STAFF);
        assertEquals(List.of(new Interviews.Listed(r.role, 1, 1, 0)), listed);
    }
}
