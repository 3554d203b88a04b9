package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.TestStaff;
import org.junit.jupiter.api.Test;

/** Adding and removing interview times. */
class InterviewTimesTest {
    private final Round r = new Round();

    @Test
    void aSlotIsAUkTimeInTheInterviewWeekWithItsLengthAndIsAudited() {
        InterviewSlot slot = r.addSlot("17", "10:30", "45");
        assertEquals(Instant.parse("2024-12-17T10:30:00Z"), slot.startsAt());
        assertEquals("Tuesday 17 December 2024 at 10:30am (45 minutes)", slot.describe());
        assertEquals(List.of(slot), r.schedule.forRole(r.role.id()));
        AuditEntry entry = r.schedule.slotAudit.get(0);
        assertEquals("staff-0001", entry.who());
        assertEquals("role:" + r.role.id(), entry.record());
        assertEquals(
                Instant.parse("2024-12-17T14:00:00Z"), r.addSlot("17", "2pm", "30").startsAt());
    }

    @Test
    void aSlotOutsideTheWeekInThePastOrOverlappingIsRefusedInPlainWords() {
        r.addSlot("17", "10:30", "45");
        assertEquals(
                "The date must be in the interview week, 16 December 2024 to 22 December 2024",
                r.slotErrors(Round.slotForm("23", "10:30", "45")).get("date-day"));
        assertEquals(
                "The date of the interview must be a real date, like 16 12 2024",
                r.slotErrors(Round.slotForm("32", "11:00", "45")).get("date-day"));
        assertEquals(
                "This overlaps the interview at Tuesday 17 December 2024 at 10:30am (45 minutes). Choose another time",
                r.slotErrors(Round.slotForm("17", "11:00", "30")).get("startTime"));
        assertEquals(
                "Enter the start time as a time of day, like 10:30 or 2:30pm",
                r.slotErrors(Round.slotForm("17", "25:00", "30")).get("startTime"));
        assertEquals(
                "Enter how long the interview lasts, in minutes, from 10 to 240",
                r.slotErrors(Round.slotForm("17", "12:00", "5")).get("minutes"));
        Map<String, String> empty = r.slotErrors(Map.of());
        assertEquals(List.of("date-day", "startTime", "minutes"), List.copyOf(empty.keySet()));
        r.clock.set(Instant.parse("2024-12-18T09:00:00Z"));
        assertEquals(
                "The interview must start in the future",
                r.slotErrors(Round.slotForm("18", "08:30", "30")).get("startTime"));
        assertEquals(1, r.schedule.forRole(r.role.id()).size());
    }

    @Test
    void theDateOfAnInterviewIsReadAsEveryDateIs() {
        DateCases.check(
                (d, m, y) ->
                        r.times.addSlot(
                                                TestStaff.STAFF,
                                                r.role.id(),
                                                Map.of(
                                                        "date-day", d,
                                                        "date-month", m,
                                                        "date-year", y,
                                                        "startTime", "9am",
                                                        "minutes", "10"))
                                        instanceof InterviewTimes.Invalid bad
                                ? bad.errors().asMap()
                                : Map.of(),
                "date",
                "The date of the interview must include {parts}",
                "The date of the interview must be a real date, like 16 12 2024",
                LocalDate.of(2024, 12, 20));
        assertEquals(
                "Enter the date of the interview",
                r.slotErrors(Map.of("date-day", " ", "startTime", "9am", "minutes", "10"))
                        .get("date-day"));
    }

    @Test
    void slotsAreRightEitherSideOfTheClocksGoingForward() {
        Round spring =
                new Round(
                        org.involve.core.fakes.TestRoles.dayRate(
                                        java.time.LocalDate.of(2025, 2, 22))
                                .withStatus(
                                        org.involve.core.role.RoleStatus
                                                .SHORTLISTING)); // interview week commencing Monday
        // 24 March 2025
        spring.clock.set(Instant.parse("2025-03-01T10:00:00Z"));
        var before =
                (InterviewTimes.Added)
                        spring.times.addSlot(
                                TestStaff.STAFF,
                                spring.role.id(),
                                Map.of(
                                        "date-day",
                                        "28",
                                        "date-month",
                                        "3",
                                        "date-year",
                                        "2025",
                                        "startTime",
                                        "10:30",
                                        "minutes",
                                        "45"));
        var after =
                (InterviewTimes.Added)
                        spring.times.addSlot(
                                TestStaff.STAFF,
                                spring.role.id(),
                                Map.of(
                                        "date-day",
                                        "30",
                                        "date-month",
                                        "3",
                                        "date-year",
                                        "2025",
                                        "startTime",
                                        "10:30",
                                        "minutes",
                                        "45"));
        assertEquals(Instant.parse("2025-03-28T10:30:00Z"), before.slot().startsAt(), "GMT");
        assertEquals(Instant.parse("2025-03-30T09:30:00Z"), after.slot().startsAt(), "BST");
        assertEquals(
                "Sunday 30 March 2025 at 10:30am", InterviewTime.display(after.slot().startsAt()));
        var missing =
                (InterviewTimes.Invalid)
                        spring.times.addSlot(
                                TestStaff.STAFF,
                                spring.role.id(),
                                Map.of(
                                        "date-day",
                                        "30",
                                        "date-month",
                                        "3",
                                        "date-year",
                                        "2025",
                                        "startTime",
                                        "1:30",
                                        "minutes",
                                        "30"));
        assertTrue(
                missing.errors()
                        .asMap()
                        .get("startTime")
                        .startsWith("There is no 1:30am on 30 March 2025 in the UK"));
    }

    @Test
    void aBookedSlotCannotBeRemovedAndAFreeOneCan() {
        InterviewSlot keep = r.addSlot("18", "9:00", "60");
        InterviewSlot drop = r.addSlot("18", "11:00", "60");
        r.times.removeSlot(TestStaff.STAFF, r.role.id(), drop.slotId());
        assertEquals(List.of(keep), r.schedule.forRole(r.role.id()));
        r.invited("INV-BBBB-2222", "beta@example.org", Map.of("contactMethod", "post"));
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
        r.teamBooking.bookForApplicant(
                TestStaff.STAFF,
                r.role.id(),
                r.readNow(Map.of("reference", "INV-BBBB-2222", "slot", keep.slotId())));
        var refused =
                assertThrows(
                        Interviews.Refused.class,
                        () -> r.times.removeSlot(TestStaff.STAFF, r.role.id(), keep.slotId()));
        assertTrue(refused.getMessage().contains("is booked"));
    }
}
