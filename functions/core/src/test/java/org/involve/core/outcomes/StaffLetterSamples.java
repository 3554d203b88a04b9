package org.involve.core.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.Role;

/** Every e-mail the outcomes area sends to staff (see application.StaffLetterSamples). */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2030-03-01T10:00:00Z");
        Role role = TestRoles.dayRate(LocalDate.of(2030, 1, 10));
        OutcomeLetters letters = new OutcomeLetters(STAFF_SITE);
        Application byPhone =
                TestApplications.submitted(
                        role,
                        "INV-OUTC-0001",
                        now,
                        Map.of(ApplicationForm.CONTACT_METHOD, "telephone"));
        Map<String, Email> out = new LinkedHashMap<>();
        out.put("outcomeTask", letters.unsuccessful(role, byPhone, now).email());
        out.put("outcomesDue", letters.reminder(role, List.of(byPhone), "2030-W09", now).email());
        return out;
    }
}
