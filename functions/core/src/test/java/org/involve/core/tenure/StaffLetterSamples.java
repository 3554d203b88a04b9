package org.involve.core.tenure;

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

/** Every e-mail the tenure review sends to staff (see application.StaffLetterSamples). */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2030-01-01T08:00:00Z");
        Role role = TestRoles.dayRate(LocalDate.of(2028, 1, 10));
        Application app = TestApplications.submitted(role, "INV-TENURE-0001", now);
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2028, 3, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        now))
                        .appointment();
        Partner p = new Partner(a, Involvement.from(app, a.id()));
        TenureLetters letters =
                new TenureLetters(TestPartnerLetters.letters(STAFF_SITE), STAFF_SITE);
        Map<String, Email> out = new LinkedHashMap<>();
        out.put("reviewTeam", letters.askTeam(role, p, a.ends(), false, now).email());
        out.put("reviewChaseTeam", letters.askTeam(role, p, a.ends(), true, now).email());
        out.put(
                "partnerAnswered",
                letters.partnerAnswered(
                                role,
                                p,
                                TenureReview.asked(a.id(), role.id(), a.ends(), a.start())
                                        .partnerSaid(TenureReview.Answer.YES),
                                now)
                        .email());
        out.put("endedTeam", letters.endedTeam(role, p, a.ends(), now).email());
        CheckInLetters checkIn =
                new CheckInLetters(TestPartnerLetters.letters(STAFF_SITE), STAFF_SITE);
        CheckIn c =
                CheckIn.asked(
                        a.id(), role.id(), 1, a.start().plusYears(1), a.start().plusYears(1), true);
        out.put("checkInTeam", checkIn.askTeam(role, p, c, false, now).email());
        out.put("checkInChaseTeam", checkIn.askTeam(role, p, c, true, now).email());
        out.put(
                "checkInAnswered",
                checkIn.partnerAnswered(
                                role, p, c.answered("Going well", "", a.start().plusYears(1)), now)
                        .email());
        // a role reviewed on a date rather than held for a term
        Role reviewed = TestRoles.monthly(LocalDate.of(2028, 1, 10));
        Application rApp = TestApplications.submitted(reviewed, "INV-TENURE-0002", now);
        Appointment ra =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(
                                                reviewed,
                                                rApp,
                                                LocalDate.of(2028, 3, 1),
                                                true,
                                                false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        now))
                        .appointment();
        Partner rp = new Partner(ra, Involvement.from(rApp, ra.id()));
        out.put(
                "reviewDateTeam",
                letters.askTeam(reviewed, rp, ra.nextReview(), false, now).email());
        out.put(
                "reviewDateChaseTeam",
                letters.askTeam(reviewed, rp, ra.nextReview(), true, now).email());
        out.put(
                "reviewDateAnswered",
                letters.partnerAnswered(
                                reviewed,
                                rp,
                                TenureReview.asked(
                                                ra.id(), reviewed.id(), ra.nextReview(), ra.start())
                                        .partnerSaid(TenureReview.Answer.NO),
                                now)
                        .email());
        return out;
    }
}
