package org.involve.core.outcomes;

import static org.involve.core.application.Application.Status.APPOINTED;
import static org.involve.core.application.Application.Status.NOT_SHORTLISTED;
import static org.involve.core.application.Application.Status.REFERENCES_RECEIVED;
import static org.involve.core.application.Application.Status.REFERENCES_REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class AppointingTest {
    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Round r = new Round();
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final OutcomeLetters letters = new OutcomeLetters("https://staff.example.org");
    private final Appointing appointing =
            new Appointing(
                    r.roles,
                    r.round,
                    r.partners,
                    letters,
                    org.involve.core.fakes.TestPartnerLetters.letters("https://staff.example.org"),
                    clock);

    private static Map<String, String> form(String payment, boolean stepDown) {
        Map<String, String> f =
                new HashMap<>(Map.of("start-day", "1", "start-month", "4", "start-year", "2025"));
        if (payment != null) f.put("payment", payment);
        if (stepDown) f.put("stepDown", "yes");
        return f;
    }

    /** The form as the page read now posts it: with the application's current version. */
    private Map<String, String> readNow(Application a, Map<String, String> form) {
        Map<String, String> posted = new HashMap<>(form);
        posted.put(org.involve.core.kit.Version.FIELD, r.current(a).version());
        return posted;
    }

    private Appointment appointed(Application a, Map<String, String> form) {
        return assertInstanceOf(
                        Appointing.Result.Appointed.class,
                        appointing.appoint(
                                TestStaff.STAFF, a.roleId(), a.reference(), readNow(a, form)))
                .appointment();
    }

    @Test
    void appointingMakesThePartnerRecordMovesTheApplicationAndSendsTheWelcome() {
        Application a =
                r.applicant(
                        role,
                        REFERENCES_RECEIVED,
                        "email",
                        Map.of(ApplicationForm.RECEIVES_BENEFITS, "yes"));

        Appointment p = appointed(a, form("accept", false));

        assertEquals(LocalDate.of(2025, 4, 1), p.start());
        assertEquals(LocalDate.of(2027, 4, 1), p.termEnds());
        assertEquals(LocalDate.of(2029, 4, 1), p.latestEnd());
        assertEquals(PaymentChoice.ACCEPTED, p.payment());
        assertEquals(p, r.partners.appointments.get(Appointment.idFor(a.reference())));
        Application now = r.current(a);
        assertEquals(APPOINTED, now.status());
        assertEquals("successful", now.progress(OutcomeFacts.OUTCOME));
        assertEquals("email", now.progress(OutcomeFacts.BY));
        assertEquals(NOW.toString(), now.progress(OutcomeFacts.SENT_AT));
        assertEquals(p.id(), OutcomeFacts.of(now).appointmentId());
        assertEquals(
                List.of("appointment:" + p.id(), "application:" + a.reference()),
                r.audit.entries().stream().map(e -> e.record()).toList());

        OutboxMessage welcome = r.outbox.find("welcome-" + a.reference()).orElseThrow();
        assertEquals(a.answer(ApplicationForm.EMAIL), welcome.email().to());
        String text = welcome.email().text();
        for (String expected :
                List.of(
                        "your application was successful",
                        "Induction",
                        "Code of conduct",
                        "Confidentiality agreement",
                        "Declaration of interests",
                        "Statement of values",
                        "You start on 1 April 2025.",
                        "Your term ends on 1 April 2027. It can be extended once, by 2 years",
                        "ends by 1 April 2029 at the latest",
                        "£150 for a full day",
                        "You chose to accept it",
                        "free and private advice about benefits: email advice@example.org",
                        "Test Contact at team@example.org or on 01632 960 002")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        String link =
                text.substring(text.indexOf("https://involve.example/your-involvement/"))
                        .split("\\s")[0];
        String token = link.substring(link.lastIndexOf('/') + 1);
        var check =
                assertInstanceOf(
                        org.involve.core.links.LinkCheck.Valid.class,
                        org.involve.core.fakes.TestPartnerLetters.LINKS.verify(
                                token, org.involve.core.links.LinkPurpose.PARTNER, NOW));
        assertEquals(p.id(), check.subjectId(), "the welcome's link opens their involvement");
    }

    /** The offer carries the benefits-advice line and its phone number even for someone who will not take the money. */
    @Test
    void theWelcomeSignpostsBenefitsAdviceWithItsNumberEvenWhenThePaymentIsDeclined() {
        Application a =
                r.applicant(
                        role,
                        REFERENCES_RECEIVED,
                        "email",
                        Map.of(ApplicationForm.RECEIVES_BENEFITS, "no"));
        Appointment p = appointed(a, form("decline", false));
        assertEquals(PaymentChoice.DECLINED, p.payment());
        String text = r.outbox.find("welcome-" + a.reference()).orElseThrow().email().text();
        assertTrue(text.contains("even if you say no to the payment"), text);
        assertTrue(
                text.contains("free and private advice about benefits: email advice@example.org"),
                text);
    }

    @Test
    void appointingTwiceIsOneAppointment() {
        Application a = r.applicant(role, REFERENCES_RECEIVED);
        Appointment first = appointed(a, form("accept", false));
        clock.set(NOW.plusSeconds(60));

        Appointing.Result again =
                appointing.appoint(
                        TestStaff.STAFF,
                        a.roleId(),
                        a.reference(),
                        readNow(a, form("decline", false)));

        assertEquals(
                first, assertInstanceOf(Appointing.Result.Appointed.class, again).appointment());
        assertEquals(List.of(), ((Appointing.Result.Appointed) again).messageIds());
        assertEquals(1, r.partners.appointments.size());
        assertEquals(1, r.outbox.entries.size());
        assertEquals(2, r.audit.entries().size());
    }

    @Test
    void onlyAnApplicantWithBothReferencesInCanBeAppointed() {
        Application a = r.applicant(role, REFERENCES_REQUESTED);
        var refused =
                assertInstanceOf(
                        Appointing.Result.Refused.class,
                        appointing.appoint(
                                TestStaff.STAFF,
                                role.id(),
                                a.reference(),
                                readNow(a, form("accept", false))));
        assertTrue(refused.reason().contains("Successful at interview: references requested"));
        assertTrue(r.partners.appointments.isEmpty());
    }

    @Test
    void theStartDateIsReadAsEveryDateIs() {
        DateCases.check(
                (d, m, y) -> {
                    Application a = r.applicant(role, REFERENCES_RECEIVED);
                    Map<String, String> f = form("accept", false);
                    f.putAll(Map.of("start-day", d, "start-month", m, "start-year", y));
                    return appointing.appoint(
                                            TestStaff.STAFF,
                                            role.id(),
                                            a.reference(),
                                            readNow(a, f))
                                    instanceof Appointing.Result.Invalid bad
                            ? bad.errors().asMap()
                            : Map.of();
                },
                "start",
                "The start date must include {parts}",
                "The start date must be a real date, like 6 1 2026",
                LocalDate.of(2025, 4, 1));
        Application a = r.applicant(role, REFERENCES_RECEIVED);
        Map<String, String> empty = form("accept", false);
        empty.putAll(Map.of("start-day", " ", "start-month", "", "start-year", ""));
        assertEquals(
                Map.of("start-day", "Enter the date they start"),
                assertInstanceOf(
                                Appointing.Result.Invalid.class,
                                appointing.appoint(
                                        TestStaff.STAFF,
                                        role.id(),
                                        a.reference(),
                                        readNow(a, empty)))
                        .errors()
                        .asMap());
    }

    @Test
    void aMissingStartDateOrPaymentChoiceIsShownAndNothingIsSaved() {
        Application a = r.applicant(role, REFERENCES_RECEIVED);
        var invalid =
                assertInstanceOf(
                        Appointing.Result.Invalid.class,
                        appointing.appoint(
                                TestStaff.STAFF,
                                role.id(),
                                a.reference(),
                                readNow(
                                        a,
                                        Map.of(
                                                "start-day",
                                                "31",
                                                "start-month",
                                                "2",
                                                "start-year",
                                                "2025"))));
        assertEquals(
                Map.of(
                        "start-day",
                        "The start date must be a real date, like 6 1 2026",
                        "payment",
                        "Select whether they accept or decline the involvement payment"),
                invalid.errors().asMap());
        assertEquals(REFERENCES_RECEIVED, r.current(a).status());
        assertTrue(r.outbox.entries.isEmpty());
    }

    @Test
    void thePaymentChoiceStartsFromTheApplicationsAnswer() {
        Application declines =
                r.applicant(
                        role,
                        REFERENCES_RECEIVED,
                        "email",
                        Map.of(ApplicationForm.ACCEPTS_PAYMENT, "decline"));
        assertEquals(
                "decline",
                appointing
                        .form(TestStaff.STAFF, role.id(), declines.reference(), null)
                        .values()
                        .get("payment"));
        Appointment p = appointed(declines, form("decline", false));
        assertEquals(PaymentChoice.DECLINED, p.payment());
        String text = r.outbox.find("welcome-" + declines.reference()).orElseThrow().email().text();
        assertTrue(text.contains("You chose to decline the involvement payment"));
        assertTrue(
                text.contains("even if you say no to the payment"),
                "payments can affect benefits: the signpost is there for a paid role");
    }

    /** Two paid roles declared when applying, and a paid role here since: the third. A fourth needs a step down or a declined payment. */
    @Test
    void thePaidRoleLimitCountsAppointmentsInOtherRolesSinceTheyApplied() {
        Role other =
                r.role(
                        TestRoles.monthly(LocalDate.of(2024, 12, 1))
                                .withStatus(RoleStatus.SHORTLISTING));
        Map<String, String> person =
                Map.of(
                        ApplicationForm.EMAIL,
                        "busy.person@example.org",
                        ApplicationForm.PAID_ROLES_HELD,
                        "2");
        Application elsewhere = r.applicant(other, REFERENCES_RECEIVED, "email", person);
        Application here = r.applicant(role, REFERENCES_RECEIVED, "email", person);
        assertEquals(elsewhere.applicantKey(), here.applicantKey());
        clock.set(NOW.minusSeconds(86400));
        appointed(
                elsewhere,
                Map.of(
                        "start-day",
                        "1",
                        "start-month",
                        "2",
                        "start-year",
                        "2025",
                        "payment",
                        "accept"));
        clock.set(NOW);

        Appointing.Form f = appointing.form(TestStaff.STAFF, role.id(), here.reference(), null);
        assertEquals(3, f.paidRolesHeld());
        assertTrue(f.atLimit());
        var refused =
                assertInstanceOf(
                        Appointing.Result.Refused.class,
                        appointing.appoint(
                                TestStaff.STAFF,
                                role.id(),
                                here.reference(),
                                readNow(here, form("accept", false))));
        assertTrue(refused.reason().contains("They already hold 3 paid roles"));
        assertEquals(REFERENCES_RECEIVED, r.current(here).status());

        Appointment p = appointed(here, form("accept", true));
        assertTrue(p.steppingDown());
        assertTrue(
                r.outbox
                        .find("welcome-" + here.reference())
                        .orElseThrow()
                        .email()
                        .text()
                        .contains("Please step down from one of them before you start"));
    }

    @Test
    void someoneWhoAskedForTelephoneGetsAStaffTaskAndHearsWhenStaffMarkItDone() {
        Application a = r.applicant(role, REFERENCES_RECEIVED, "telephone", Map.of());
        appointed(a, form("accept", false));

        assertTrue(r.outbox.find("welcome-" + a.reference()).isEmpty());
        OutboxMessage task = r.outbox.find("outcome-task-" + a.reference()).orElseThrow();
        assertEquals("team@example.org", task.email().to());
        assertTrue(task.email().text().contains("that they have been appointed"));
        assertEquals("staff", r.current(a).progress(OutcomeFacts.BY));
        assertFalse(OutcomeFacts.heard(r.current(a)));

        Outcomes outcomes = new Outcomes(r.roles, r.round, r.round, r.outcomes, letters, clock);
        assertTrue(
                outcomes.markTaskDone(
                        TestStaff.STAFF, role.id(), a.reference(), r.current(a).version()));
        assertTrue(OutcomeFacts.heard(r.current(a)));
        assertTrue(outcomes.withoutOutcome(TestStaff.STAFF).isEmpty());
    }

    @Test
    void theLastAppointmentFillsTheRoleWhenEveryoneElseHasHeard() {
        Application notShortlisted = r.applicant(role, NOT_SHORTLISTED);
        Application a = r.applicant(role, REFERENCES_RECEIVED);
        Outcomes outcomes = new Outcomes(r.roles, r.round, r.round, r.outcomes, letters, clock);
        outcomes.sendUnsuccessful(
                TestStaff.STAFF,
                role.id(),
                outcomes.forRole(TestStaff.STAFF, role.id()).toSendVersion());
        assertEquals(RoleStatus.SHORTLISTING, r.roles.roles.get(role.id()).status());
        assertEquals("unsuccessful", r.current(notShortlisted).progress(OutcomeFacts.OUTCOME));
        assertEquals(List.of(role.id() + " ready 1 appointed 0"), listed());

        appointed(a, form("accept", false));

        assertEquals(RoleStatus.FILLED, r.roles.roles.get(role.id()).status());
        // Filled: nobody left to appoint, so the list leaves it out (its partner is in the
        // directory).
        assertEquals(List.of(), listed());
        assertEquals(
                List.of(
                        new Appointing.Candidate(
                                r.current(a),
                                r.partners.appointments.get(Appointment.idFor(a.reference())))),
                appointing.candidates(TestStaff.STAFF, role.id()));
    }

    private List<String> listed() {
        return appointing.roles(TestStaff.STAFF).stream()
                .map(l -> l.role().id() + " ready " + l.ready() + " appointed " + l.appointed())
                .toList();
    }

    @Test
    void onlyStaffMayAppoint() {
        Application a = r.applicant(role, REFERENCES_RECEIVED);
        assertThrows(
                AccessDenied.class,
                () ->
                        appointing.appoint(
                                TestStaff.PANEL_A,
                                role.id(),
                                a.reference(),
                                readNow(a, form("accept", false))));
        assertThrows(AccessDenied.class, () -> appointing.roles(TestStaff.FINANCE));
        assertTrue(r.partners.appointments.isEmpty());
    }
}
