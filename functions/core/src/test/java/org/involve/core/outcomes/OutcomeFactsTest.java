package org.involve.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.junit.jupiter.api.Test;

/** The outcome and appointment facts keep the names and values stored applications already use. */
class OutcomeFactsTest {
    private static final Instant NOW = Instant.parse("2025-04-01T09:00:00Z");

    @Test
    void anAppointmentIsStoredWithItsSuccessfulOutcome() {
        Application byEmail =
                TestApplications.submitted(
                        TestRoles.monthly(LocalDate.of(2025, 2, 1)),
                        "INV-AAAA-1111",
                        NOW.minusSeconds(86400 * 60),
                        Map.of(
                                ApplicationForm.EMAIL,
                                "jo@example.org",
                                ApplicationForm.CONTACT_METHOD,
                                "email"));
        Map<String, String> facts =
                OutcomeFacts.appointed(byEmail, NOW, "partner-1", LocalDate.of(2025, 5, 6));
        assertEquals(
                Map.of(
                        "outcome",
                        "successful",
                        "outcome.by",
                        "email",
                        "outcome.sentAt",
                        "2025-04-01T09:00:00Z",
                        "appointment.id",
                        "partner-1",
                        "appointment.start",
                        "2025-05-06"),
                facts);
        OutcomeFacts read = OutcomeFacts.of(byEmail.after(Application.Status.APPOINTED, facts));
        assertEquals(
                new OutcomeFacts(
                        "successful", "email", NOW, null, "partner-1", LocalDate.of(2025, 5, 6)),
                read);
        assertTrue(read.toldByEmail());
    }

    @Test
    void staffTellingThemIsStoredWithWhoDidIt() {
        assertEquals(
                Map.of(
                        "outcome.sentAt",
                        "2025-04-01T09:00:00Z",
                        "outcome.taskDoneBy",
                        "staff-0001"),
                OutcomeFacts.toldByStaff(NOW, "staff-0001"));
    }
}
