package org.involve.core.references;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Referee;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.Role;

/** Every e-mail the references area sends to staff (see application.StaffLetterSamples). */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2030-03-01T10:00:00Z");
        Role role = TestRoles.dayRate(LocalDate.of(2030, 1, 10));
        ReferenceLetters letters =
                new ReferenceLetters(
                        new ReferenceSettings(
                                7, 2, Duration.ofDays(14), "https://site.example.org", STAFF_SITE));
        Application app = TestApplications.submitted(role, "INV-REFS-0001", now);
        Referee referee =
                new Referee(
                        1,
                        "Orlaith Vantongeren",
                        "Manager",
                        "3 years",
                        "orlaith.vantongeren@example.org",
                        "07700 900583");
        Map<String, Email> out = new LinkedHashMap<>();
        out.put("overdue", letters.overdueToTeam(role, app, referee, 2));
        out.put("readyToAppoint", letters.readyToAppoint(role, app));
        Application byPhone =
                TestApplications.submitted(
                        role,
                        "INV-REFS-0002",
                        now,
                        Map.of(ApplicationForm.CONTACT_METHOD, "telephone"));
        out.put("reserveTask", letters.reserve(role, byPhone, now).email());
        return out;
    }
}
