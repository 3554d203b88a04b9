package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.impact.ImpactLetters;
import org.involve.core.kit.Email;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.Offer;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.role.Role;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInLetters;
import org.involve.core.tenure.Contribution;
import org.involve.core.tenure.TenureLetters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, item 2: every e-mail to a partner carries their signed, expiring link to "your involvement". Walks the
 * partner letters of each area (the welcome; the farewell and a new link; meeting invitations and papers; the impact
 * digest; the annual check-in; the tenure review for a term and for a review date, with its reminder, the extension,
 * carrying on and the thank-you) and checks each has a link that verifies as a partner link for that appointment and
 * has not expired. The payment letters (claim approved or rejected) are not built here: they need a whole claim.
 */
class PartnerLetterLinksTest {
    static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");
    static final String STAFF_SITE = "https://staff.example.org";
    static final Pattern LINK =
            Pattern.compile("https://involve\\.example/your-involvement/([A-Za-z0-9_.-]+)");

    static Partner partner(Role role, String reference) {
        Application app = TestApplications.submitted(role, reference, NOW);
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2028, 3, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW))
                        .appointment();
        return new Partner(a, Involvement.from(app, a.id()));
    }

    static Stream<Arguments> letters() {
        PartnerLetters links = TestPartnerLetters.letters(STAFF_SITE);
        Role role = TestRoles.dayRate(LocalDate.of(2028, 1, 10));
        Role reviewed = TestRoles.monthly(LocalDate.of(2028, 1, 10));
        Partner p = partner(role, "INV-LINKS-0001");
        Partner rp = partner(reviewed, "INV-LINKS-0002");
        Application app = TestApplications.submitted(role, "INV-LINKS-0003", NOW);
        Appointment welcomed =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2028, 3, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW))
                        .appointment();
        Meeting m =
                Meeting.planned(
                        "m1",
                        role.id(),
                        LocalDate.of(2030, 2, 1),
                        LocalTime.of(18, 30),
                        90,
                        "Room 2",
                        "",
                        "https://papers.example/agenda",
                        LocalDate.of(2030, 1, 25),
                        List.of(p.id()),
                        "staff",
                        NOW);
        MeetingLetters meetings = new MeetingLetters(links, STAFF_SITE);
        TenureLetters tenure = new TenureLetters(links, STAFF_SITE);
        CheckInLetters checkIns = new CheckInLetters(links, STAFF_SITE);
        CheckIn c =
                CheckIn.asked(
                        p.id(),
                        role.id(),
                        1,
                        p.appointment().start().plusYears(1),
                        p.appointment().start().plusYears(1),
                        true);
        Partner extended = p.changedTo(p.appointment());
        Map<String, Object[]> out = new LinkedHashMap<>();
        out.put(
                "welcome",
                new Object[] {
                    new OutcomeLetters(STAFF_SITE)
                            .successful(role, app, welcomed, links, NOW)
                            .email(),
                    welcomed.id()
                });
        out.put("farewell", new Object[] {links.farewell(role, p, NOW).email(), p.id()});
        out.put("newLink", new Object[] {links.newLink(role, p, NOW).email(), p.id()});
        out.put("invitation", new Object[] {meetings.invitation(role, m, p, NOW).email(), p.id()});
        out.put("papers", new Object[] {meetings.papers(role, m, p, NOW).email(), p.id()});
        out.put(
                "impactDigest",
                new Object[] {
                    new ImpactLetters(links).digest(role, p, List.of(), Map.of(), NOW).email(),
                    p.id()
                });
        out.put(
                "checkInAsk",
                new Object[] {checkIns.askPartner(role, p, c, false, NOW).email(), p.id()});
        out.put(
                "checkInChase",
                new Object[] {checkIns.askPartner(role, p, c, true, NOW).email(), p.id()});
        LocalDate ends = p.appointment().ends();
        out.put(
                "reviewAsk",
                new Object[] {tenure.askPartner(role, p, ends, false, NOW).email(), p.id()});
        out.put(
                "reviewChase",
                new Object[] {tenure.askPartner(role, p, ends, true, NOW).email(), p.id()});
        LocalDate due = rp.appointment().nextReview();
        out.put(
                "reviewDateAsk",
                new Object[] {tenure.askPartner(reviewed, rp, due, false, NOW).email(), rp.id()});
        out.put(
                "reviewDateChase",
                new Object[] {tenure.askPartner(reviewed, rp, due, true, NOW).email(), rp.id()});
        out.put(
                "extended",
                new Object[] {tenure.extended(role, extended, ends, NOW).email(), p.id()});
        out.put(
                "carriedOn",
                new Object[] {tenure.carriedOn(reviewed, rp, due, NOW).email(), rp.id()});
        out.put(
                "thankYou",
                new Object[] {
                    tenure.thankYou(
                                    role,
                                    p,
                                    ends,
                                    Contribution.of(
                                            List.of(),
                                            p.appointment().start(),
                                            ends,
                                            role.payment(),
                                            OptionalInt.empty()),
                                    NOW)
                            .email(),
                    p.id()
                });
        return out.entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void carriesTheirSignedLinkToYourInvolvement(String letter, Email email, String appointmentId) {
        for (String body : List.of(email.text(), email.html())) {
            Matcher m = LINK.matcher(body);
            assertTrue(m.find(), letter + " has no link to your involvement: " + body);
            boolean checked = false;
            do {
                LinkCheck check =
                        TestPartnerLetters.LINKS.verify(m.group(1), LinkPurpose.PARTNER, NOW);
                if (!m.group(1).contains(".")) continue; // e.g. the new-link page, not a token
                var valid = assertInstanceOf(LinkCheck.Valid.class, check, letter);
                assertEquals(appointmentId, valid.subjectId(), letter);
                assertTrue(valid.expiresAt().isAfter(NOW.plusSeconds(86400)), letter);
                checked = true;
            } while (m.find());
            assertTrue(checked, letter + " has no signed link");
        }
        assertFalse(email.text().contains("{"), letter + " has an unfilled placeholder");
    }
}
