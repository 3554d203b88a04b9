package org.involve.core.withdrawal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.Role;

/** Every e-mail the withdrawal area sends to staff (see application.StaffLetterSamples). */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2030-03-01T10:00:00Z");
        Role role = TestRoles.dayRate(LocalDate.of(2030, 1, 10));
        Application app = TestApplications.submitted(role, "INV-WDRW-0001", now);
        Map<String, Email> out = new LinkedHashMap<>();
        out.put(
                "teamWithdrawn",
                new WithdrawalLetters(STAFF_SITE)
                        .toTeam(role, app, "INTERVIEW_BOOKED", "link", now)
                        .email());
        return out;
    }
}
