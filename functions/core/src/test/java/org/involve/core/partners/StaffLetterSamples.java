package org.involve.core.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Email;
import org.involve.core.role.Role;

/** Every e-mail the partners area sends to staff (see application.StaffLetterSamples). */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2026-05-04T09:00:00Z");
        Round r = new Round();
        Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
        Application app =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, "email", Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2026, 5, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        now.minusSeconds(3600)))
                        .appointment();
        r.partners.appoint(app, made, Map.of(), List.of(), List.of());
        Partner partner = r.partners.partner(made.id()).orElseThrow().partner().orElseThrow();
        Map<String, Email> out = new LinkedHashMap<>();
        out.put(
                "partnerChanged",
                TestPartnerLetters.letters(STAFF_SITE)
                        .teamNotice(role, partner, "paused", now)
                        .email());
        return out;
    }
}
