package org.involve.core.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Email;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.Offer;
import org.involve.core.partners.Partner;
import org.involve.core.role.Role;

/** Every e-mail the meetings area sends to staff (see application.StaffLetterSamples). */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2030-03-01T08:00:00Z");
        Role role = TestRoles.dayRate(LocalDate.of(2028, 1, 10));
        Application app = TestApplications.submitted(role, "INV-MEET-0001", now);
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2028, 3, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        now))
                        .appointment();
        Partner p = new Partner(a, Involvement.from(app, a.id()));
        MeetingLetters letters =
                new MeetingLetters(TestPartnerLetters.letters(STAFF_SITE), STAFF_SITE);
        AttendanceStanding below =
                new AttendanceStanding(2, 1, 3, AttendanceStanding.Kind.COUNT, 6, true);
        Map<String, Email> out = new LinkedHashMap<>();
        out.put("belowMinimum", letters.belowMinimum(role, p, below, "2030-03", now).email());
        return out;
    }
}
