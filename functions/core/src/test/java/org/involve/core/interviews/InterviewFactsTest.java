package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The interview facts keep the names and values stored applications (and the browser tests' seeds) already use. */
class InterviewFactsTest {
    private static final Instant NOW = Instant.parse("2024-12-02T10:00:00Z"),
            EXPIRES = Instant.parse("2024-12-16T00:00:00Z");
    private final Role role = TestRoles.dayRate(LocalDate.of(2024, 11, 16));
    private final Application app =
            TestApplications.submitted(
                    role, "INV-AAAA-1111", Instant.parse("2024-11-10T10:00:00Z"));

    @Test
    void anInvitationIsStoredUnderTheInterviewNames() {
        assertEquals(
                Map.of(
                        "interview.invitedAt",
                        "2024-12-02T10:00:00Z",
                        "interview.invitedBy",
                        "email",
                        "interview.linkExpiresAt",
                        "2024-12-16T00:00:00Z"),
                InterviewFacts.invitedByEmail(NOW, EXPIRES).asFacts());
        assertEquals(
                Map.of(
                        "interview.invitedAt",
                        "2024-12-02T10:00:00Z",
                        "interview.invitedBy",
                        "team"),
                InterviewFacts.invitedByTeam(NOW).asFacts());
        assertEquals("interview.invitedAt", InterviewFacts.INVITATION_MARK);
    }

    @Test
    void aBookingIsStoredWithItsAdjustmentsEvenWhenThereAreNone() {
        InterviewSlot slot =
                InterviewSlot.free(role.id(), LocalDateTime.of(2024, 12, 17, 11, 30), 45);
        assertEquals(
                Map.of(
                        "interview.slot",
                        slot.slotId(),
                        "interview.startsAt",
                        "2024-12-17T11:30:00Z",
                        "interview.minutes",
                        "45",
                        "interview.adjustments",
                        "",
                        "interview.bookedAt",
                        "2024-12-02T10:00:00Z",
                        "interview.bookedBy",
                        "applicant-link"),
                InterviewFacts.booked(slot, "", NOW, InterviewFacts.APPLICANT_LINK).asFacts());
    }

    @Test
    void whatWasStoredReadsBackTyped() {
        InterviewSlot slot =
                InterviewSlot.free(role.id(), LocalDateTime.of(2024, 12, 17, 11, 30), 45);
        Application booked =
                app.after(
                                Application.Status.INTERVIEW_BOOKED,
                                InterviewFacts.invitedByEmail(NOW, EXPIRES).asFacts())
                        .after(
                                Application.Status.INTERVIEW_BOOKED,
                                InterviewFacts.booked(slot, "Captions", NOW, "staff-0001")
                                        .asFacts());
        InterviewFacts f = InterviewFacts.of(booked);
        assertTrue(f.invited() && f.invitedByEmail());
        assertEquals(EXPIRES, f.linkExpiresAt());
        assertTrue(f.booked(slot));
        assertEquals(45, f.minutes());
        assertEquals("Captions", f.adjustments());
        assertFalse(f.bookedOnline());
    }

    @Test
    void aSeededBookingWithOnlyItsSlotReadsWithoutTheRest() {
        InterviewFacts f =
                InterviewFacts.of(
                        app.after(
                                Application.Status.INTERVIEW_BOOKED,
                                Map.of("interview.slot", "s1")));
        assertEquals("s1", f.slotId());
        assertNull(f.startsAt());
        assertEquals("", f.adjustments());
        assertFalse(f.invited());
    }
}
