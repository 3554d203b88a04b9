package org.involve.core.interviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.Role;

/** Every e-mail the interviews area sends to staff (see application.StaffLetterSamples). */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2030-03-01T10:00:00Z");
        Role role = TestRoles.dayRate(LocalDate.of(2030, 1, 10));
        InterviewLetters letters =
                new InterviewLetters(STAFF_SITE, org.involve.core.fakes.TestLinks.WITHDRAWAL);
        Application byPhone =
                TestApplications.submitted(
                        role,
                        "INV-INTV-0001",
                        now,
                        Map.of(ApplicationForm.CONTACT_METHOD, "telephone"));
        Application byEmail = TestApplications.submitted(role, "INV-INTV-0002", now);
        InterviewSlot slot =
                InterviewSlot.free(role.id(), LocalDateTime.of(2030, 3, 11, 10, 0), 45);
        Map<String, Email> out = new LinkedHashMap<>();
        out.put("bookingTask", letters.bookingTask(role, byPhone, now).email());
        out.put("teamBooked", letters.teamBooked(role, byEmail, slot, "", now).email());
        out.put("reminderTask", letters.reminder(role, byPhone, slot, now).email());
        out.put("teamCancelled", letters.teamCancelled(role, byEmail, slot, now).email());
        return out;
    }
}
