package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.outcomes.OutcomeReminder;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.partners.Appointment;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** The outcome and partner pages' events, and the weekly reminder's, through their handlers with the round in memory. */
class OutcomesAndPartnersEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final Round r = new Round();
    private final RecordingMailQueue queue = r.queue;
    private final OutcomeLetters letters = new OutcomeLetters("http://localhost:3000");
    private final StaffOutcomesHandler outcomes =
            new StaffOutcomesHandler(
                    new Outcomes(r.roles, r.round, r.round, r.outcomes, letters, clock));
    private final org.involve.core.partners.PartnerChanges changes =
            new org.involve.core.partners.PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    org.involve.core.fakes.TestPartnerLetters.letters("http://localhost:3000"),
                    clock);
    private final StaffPartnersHandler partners =
            new StaffPartnersHandler(
                    new Appointing(
                            r.roles,
                            r.round,
                            r.partners,
                            letters,
                            org.involve.core.fakes.TestPartnerLetters.letters(
                                    "http://localhost:3000"),
                            clock),
                    changes,
                    new org.involve.core.partners.PartnerDirectory(r.partners, r.roles, changes),
                    r.audit);
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final Application ready = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
    private final Application notShortlisted =
            r.applicant(role, Application.Status.NOT_SHORTLISTED);
    private final Application byPhone =
            r.applicant(role, Application.Status.NOT_APPOINTED, "telephone", Map.of());

    /**
     * The event as the page read now sends it: a form carries the application's current version, and the page
     * confirming the send carries the version of the list of outcomes to send.
     */
    private APIGatewayV2HTTPResponse call(String event, String reference) {
        return call(
                event,
                reference,
                event.contains("outcomes-send")
                        ? toSendNow()
                        : event.contains("outcomes-close-reserve")
                                ? reserveNow()
                                : r.round
                                        .findByReference(
                                                reference, org.involve.core.kit.Read.CONSISTENT)
                                        .map(Application::version)
                                        .orElse("none"));
    }

    private String reserveNow() {
        return new Outcomes(r.roles, r.round, r.round, r.outcomes, letters, clock)
                .forRole(org.involve.core.fakes.TestStaff.STAFF, role.id())
                .reserveVersion();
    }

    private String toSendNow() {
        return new Outcomes(r.roles, r.round, r.round, r.outcomes, letters, clock)
                .forRole(org.involve.core.fakes.TestStaff.STAFF, role.id())
                .toSendVersion();
    }

    private APIGatewayV2HTTPResponse call(String event, String reference, String version) {
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_REFERENCE",
                                reference,
                                "SAMPLE_VERSION",
                                version));
        return (e.getRouteKey().contains("/staff/partners") ? partners : outcomes)
                .handleRequest(e, null);
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, ready.reference());
    }

    /** The morning after the closing date is "yesterday", though fewer than 24 hours have passed since 11:59pm. */
    @Test
    void theWithoutOutcomePageCountsUkCalendarDaysSinceClosing() {
        clock.set(Instant.parse("2025-01-21T09:00:00Z"));
        assertTrue(
                call("http-get-staff-outcomes.json")
                        .getBody()
                        .contains("Closed yesterday, on 20 January 2025 at 11:59pm"));
        clock.set(Instant.parse("2025-01-23T00:00:01Z"));
        assertTrue(
                call("http-get-staff-outcomes.json")
                        .getBody()
                        .contains("Closed 3 days ago, on 20 January 2025 at 11:59pm"));
    }

    @Test
    void theWithoutOutcomePageListsEveryApplicantOfAClosedRoleWhoHasNotHeard() {
        var page = call("http-get-staff-outcomes.json");
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("<h1>Applicants without an outcome</h1>"));
        assertTrue(body.contains("3 applicants in 1 role"));
        for (Application a : List.of(ready, notShortlisted, byPhone))
            assertTrue(body.contains(a.reference()), a.reference());
        assertTrue(
                body.contains("Both references received")
                        && body.contains("Not invited to interview"));
        // 20 January to 3 March is 42 UK calendar days: 6 weeks.
        assertTrue(body.contains("Closed 6 weeks ago, on 20 January 2025 at 11:59pm"));
        assertTrue(body.contains("href=\"/staff/outcomes\" aria-current=\"page\""));
    }

    @Test
    void staffConfirmThenSendTheUnsuccessfulOutcomesOnceAndMarkTheTelephoneTaskDone() {
        assertTrue(
                call("http-get-staff-outcomes-role.json")
                        .getBody()
                        .contains("Send unsuccessful outcomes"));
        var confirm = call("http-get-staff-outcomes-send.json");
        assertEquals(200, confirm.getStatusCode());
        assertTrue(confirm.getBody().contains("<h1>Send 2 unsuccessful outcomes?</h1>"));
        assertTrue(
                confirm.getBody().contains("1 email to applicants")
                        && confirm.getBody().contains("1 task for staff"));
        assertTrue(r.outbox.entries.isEmpty(), "asking is not sending");

        var sent = call("http-post-staff-outcomes-send.json");
        assertEquals(303, sent.getStatusCode());
        assertEquals(
                "/staff/outcomes/" + role.id() + "?emails=1&tasks=1",
                sent.getHeaders().get("Location"));
        assertEquals(
                List.of(
                                "outcome-" + notShortlisted.reference(),
                                "outcome-task-" + byPhone.reference())
                        .stream()
                        .sorted()
                        .toList(),
                queue.announced.stream().sorted().toList());
        assertEquals(
                "/staff/outcomes/" + role.id() + "?emails=0&tasks=0",
                call("http-post-staff-outcomes-send.json").getHeaders().get("Location"),
                "sending twice sends once");
        assertEquals(2, r.outbox.entries.size());

        var page =
                outcomes.handleRequest(
                        withQuery(
                                SampleEvents.read(
                                        "http-get-staff-outcomes-role.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of("SAMPLE_ROLE", role.id())),
                                "emails",
                                "1",
                                "tasks",
                                "1"),
                        null);
        assertTrue(
                page.getBody()
                        .contains(
                                "Outcomes sent: 1 email, and 1 task for staff to telephone or write."));
        assertTrue(page.getBody().contains("Mark " + byPhone.reference() + " as told"));
        assertTrue(page.getBody().contains("Telephone 07700 900982"));

        String read = r.current(byPhone).version();
        assertTrue(page.getBody().contains("name=\"version\" value=\"" + read + "\""));
        // Someone else notes something on the application meanwhile: the button is out of date.
        r.round.advance(
                r.current(byPhone),
                Application.Status.NOT_APPOINTED,
                Map.of("outcome.note", "left a message"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted",
                        "application:" + byPhone.reference(),
                        clock.instant(),
                        "NOT_APPOINTED",
                        "NOT_APPOINTED"),
                List.of());
        var stale = call("http-post-staff-outcomes-task-done.json", byPhone.reference(), read);
        assertEquals(409, stale.getStatusCode());
        assertTrue(stale.getBody().contains("Someone else changed this application"));
        assertTrue(stale.getBody().contains("Mark " + byPhone.reference() + " as told"));
        assertFalse(OutcomeFacts.heard(r.current(byPhone)), "nothing recorded");

        var done = call("http-post-staff-outcomes-task-done.json", byPhone.reference());
        assertEquals(303, done.getStatusCode());
        assertTrue(OutcomeFacts.heard(r.current(byPhone)));
        assertFalse(call("http-get-staff-outcomes.json").getBody().contains(byPhone.reference()));
    }

    @Test
    void staffAppointFromTheFormAndSeeThePartnerRecordAndAppointingTwiceIsOneAppointment() {
        var list = call("http-get-staff-partners.json");
        assertEquals(200, list.getStatusCode());
        assertTrue(list.getBody().contains("Group member"));
        assertTrue(
                call("http-get-staff-partners-role.json")
                        .getBody()
                        .contains("Appoint Applicant Number1"));
        var form = call("http-get-staff-partner.json");
        assertEquals(200, form.getStatusCode());
        assertTrue(
                form.getBody().contains("value=\"accept\" checked"),
                "the payment answer from the application");
        assertTrue(form.getBody().contains("name=\"start-day\""));

        var invalid = call("http-post-staff-partner-appoint-invalid.json");
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getBody().contains("<title>Error: Appoint Applicant Number1"));
        assertTrue(
                invalid.getBody()
                        .contains("<a href=\"#start-day\">The start date must be a real date"));
        assertTrue(invalid.getBody().contains("value=\"31\""), "what was entered is kept");
        assertTrue(r.partners.appointments.isEmpty());

        var appointed = call("http-post-staff-partner-appoint.json");
        assertEquals(303, appointed.getStatusCode());
        assertEquals(
                "/staff/partners/" + role.id() + "/" + ready.reference() + "?done=appointed",
                appointed.getHeaders().get("Location"));
        assertEquals(List.of("welcome-" + ready.reference()), queue.announced);
        assertEquals(303, call("http-post-staff-partner-appoint.json").getStatusCode());
        assertEquals(1, r.partners.appointments.size());
        assertEquals(1, r.outbox.entries.size());

        String record = call("http-get-staff-partner.json").getBody();
        for (String expected :
                List.of(
                        "Partner record",
                        "Group member",
                        "1 April 2025",
                        "1 April 2027",
                        "1 April 2029 (4 years in the role at most)",
                        "0 of 1",
                        "Accepted",
                        "Active",
                        "Welcome email sent")) {
            assertTrue(record.contains(expected), expected);
        }
        Appointment p = r.partners.appointments.get(Appointment.idFor(ready.reference()));
        assertEquals(LocalDate.of(2027, 4, 1), p.termEnds());
    }

    @Test
    void sendingFromAConfirmationReadBeforeTheListChangedSendsNothingAndShowsTheListNow() {
        String read = toSendNow();
        assertTrue(
                call("http-get-staff-outcomes-send.json")
                        .getBody()
                        .contains("name=\"version\" value=\"" + read + "\""));
        // Meanwhile someone records that another applicant was not appointed: one more to tell.
        r.round.advance(
                ready,
                Application.Status.NOT_APPOINTED,
                Map.of(),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "recorded an unsuccessful interview",
                        "application:" + ready.reference(),
                        clock.instant(),
                        "REFERENCES_RECEIVED",
                        "NOT_APPOINTED"),
                List.of());

        var refused = call("http-post-staff-outcomes-send.json", ready.reference(), read);

        assertEquals(409, refused.getStatusCode());
        String body = refused.getBody();
        assertTrue(body.contains("Someone else changed these applications"), body);
        assertTrue(
                body.contains("<h1>Send 3 unsuccessful outcomes?</h1>"), "the list as it is now");
        assertTrue(body.contains("name=\"version\" value=\"" + toSendNow() + "\""));
        assertTrue(r.outbox.entries.isEmpty(), "nothing was sent");
        assertEquals(303, call("http-post-staff-outcomes-send.json").getStatusCode());
        assertEquals(3, r.outbox.entries.size());
    }

    @Test
    void anAppointmentFromAFormReadBeforeSomeoneElsesChangeIsRefusedWithTheFormAsItIsNow() {
        String read = ready.version();
        assertTrue(
                call("http-get-staff-partner.json")
                        .getBody()
                        .contains("name=\"version\" value=\"" + read + "\""));
        // Someone else records something about the application meanwhile.
        r.round.advance(
                ready,
                Application.Status.REFERENCES_RECEIVED,
                Map.of("references.note", "checked again"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted",
                        "application:" + ready.reference(),
                        clock.instant(),
                        "REFERENCES_RECEIVED",
                        "REFERENCES_RECEIVED"),
                List.of());
        String now = r.current(ready).version();

        var refused = call("http-post-staff-partner-appoint.json", ready.reference(), read);

        assertEquals(409, refused.getStatusCode());
        String body = refused.getBody();
        assertTrue(body.contains("Someone else changed this application"), body);
        assertTrue(
                body.contains("name=\"version\" value=\"" + now + "\""), "the form as it is now");
        assertTrue(body.contains("name=\"start-day\"") && body.contains("value=\"1\""), "kept");
        assertTrue(r.partners.appointments.isEmpty());
        assertTrue(r.outbox.entries.isEmpty());
        assertEquals(
                303,
                call("http-post-staff-partner-appoint.json", ready.reference(), now)
                        .getStatusCode(),
                "the form as it is now appoints");
    }

    @Test
    void thePaidRoleLimitIsShownAsAnErrorSummaryWithTheStepDownQuestion() {
        r.round.add(
                new Application(
                        ready.reference(),
                        ready.roleId(),
                        ready.applicantKey(),
                        ready.status(),
                        withAnswer(ready.answers(), ApplicationForm.PAID_ROLES_HELD, "3"),
                        ready.submittedAt(),
                        ready.contactMethod(),
                        ready.acknowledgement(),
                        ready.enteredBy(),
                        ready.progress()));

        var refused = call("http-post-staff-partner-appoint.json");

        assertEquals(409, refused.getStatusCode());
        assertTrue(refused.getBody().contains("There is a problem"));
        assertTrue(
                refused.getBody()
                        .contains(
                                "They already hold 3 paid roles, and nobody can hold more than 3 at a time"));
        assertTrue(refused.getBody().contains("name=\"stepDown\""));
        assertTrue(r.partners.appointments.isEmpty());
    }

    @Test
    void panelAndFinanceAreRefusedEveryOutcomeAndPartnerPage() {
        for (String event :
                List.of(
                        "http-get-staff-outcomes-as-panel.json",
                        "http-post-staff-outcomes-send-as-panel.json",
                        "http-get-staff-partners-as-panel.json",
                        "http-post-staff-partner-appoint-as-finance.json")) {
            var response = call(event);
            assertEquals(403, response.getStatusCode(), event);
            assertFalse(response.getBody().contains(ready.reference()), event);
            assertFalse(response.getBody().contains("Applicant Number"), event);
        }
        assertTrue(r.outbox.entries.isEmpty());
        assertTrue(r.partners.appointments.isEmpty());
        assertTrue(r.audit.entries().isEmpty());
    }

    @Test
    void anUnknownRoleIsNotFound() {
        APIGatewayV2HTTPEvent e =
                SampleEvents.read(
                        "http-get-staff-outcomes-role.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_ROLE", "no-such-role"));
        assertEquals(404, outcomes.handleRequest(e, null).getStatusCode());
        APIGatewayV2HTTPEvent p =
                SampleEvents.read(
                        "http-get-staff-partner.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_REFERENCE", "INV-NONE-0000"));
        assertEquals(404, partners.handleRequest(p, null).getStatusCode());
    }

    @Test
    void theWeeklyReminderTellsTheTeamOncePerWeek() {
        OutcomeReminderHandler job =
                new OutcomeReminderHandler(
                        new OutcomeReminder(
                                r.roles, r.round, new InMemoryOutboxWriter(r.outbox), letters),
                        clock);
        @SuppressWarnings("unchecked")
        Map<String, Object> event =
                SampleEvents.use("schedule-outcome-reminder.json", Map.class, Map.of());

        assertEquals(
                Map.of("waiting", Map.of(role.id(), 3), "reminders", 1),
                job.handleRequest(event, null));
        assertEquals(
                Map.of("waiting", Map.of(role.id(), 3), "reminders", 0),
                job.handleRequest(event, null));
        assertEquals(List.of("outcomes-due-" + role.id() + "-2025-W10"), queue.announced);
    }

    private static Map<String, String> withAnswer(
            Map<String, String> answers, String field, String value) {
        Map<String, String> m = new java.util.HashMap<>(answers);
        m.put(field, value);
        return m;
    }

    private static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent e, String... pairs) {
        Map<String, String> q = new java.util.HashMap<>();
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            q.put(pairs[i], pairs[i + 1]);
            raw.append(raw.length() == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(pairs[i + 1]);
        }
        e.setQueryStringParameters(q);
        e.setRawQueryString(raw.toString());
        return e;
    }

    @Test
    void closingTheReserveListFromAPageReadBeforeItChangedTellsNobodyAndShowsTheListAsNow() {
        Application first = r.applicant(role, Application.Status.RESERVE);
        var page = call("http-get-staff-outcomes-role.json");
        String read = reserveNow();
        assertTrue(page.getBody().contains("value=\"" + read + "\""), page.getBody());
        Application second = r.applicant(role, Application.Status.RESERVE); // added meanwhile
        int messages = r.outbox.entries.size();

        var stale = call("http-post-staff-outcomes-close-reserve.json", ready.reference(), read);
        assertEquals(409, stale.getStatusCode());
        String body = stale.getBody();
        assertTrue(body.contains("Someone else changed these applications"), body);
        assertTrue(body.contains("value=\"" + reserveNow() + "\""), "the page as it is now");
        assertTrue(body.contains(second.reference()), "listing who is on the reserve list now");
        assertEquals(Application.Status.RESERVE, r.current(first).status());
        assertEquals(Application.Status.RESERVE, r.current(second).status());
        assertEquals(messages, r.outbox.entries.size(), "nobody told");
    }

    @Test
    void eachApplicantStillToHearHasWhatToDoNextAndTheReserveListIsClosedFromTheRolePage() {
        Application reserve = r.applicant(role, Application.Status.RESERVE);
        var page = call("http-get-staff-outcomes-role.json");
        assertTrue(page.getBody().contains("What to do next"));
        assertTrue(
                page.getBody().contains("href=\"/staff/partners/" + role.id() + "\">Appoint them"),
                "the applicant ready to appoint links to the appointing page");
        assertTrue(page.getBody().contains("Close the reserve list and send their outcomes"));
        assertTrue(
                call("http-get-staff-outcomes.json")
                        .getBody()
                        .contains("Offer them a place, or close the reserve list"));

        var closed = call("http-post-staff-outcomes-close-reserve.json");
        assertEquals(303, closed.getStatusCode());
        assertEquals(
                "/staff/outcomes/" + role.id() + "?emails=1&tasks=0&reserve=closed",
                closed.getHeaders().get("Location"));
        assertEquals(Application.Status.NOT_APPOINTED, r.current(reserve).status());
        assertTrue(
                r.outbox
                        .find("outcome-" + reserve.reference())
                        .orElseThrow()
                        .email()
                        .text()
                        .contains("no place has come up"));
        var after =
                outcomes.handleRequest(
                        withQuery(
                                SampleEvents.read(
                                        "http-get-staff-outcomes-role.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of("SAMPLE_ROLE", role.id())),
                                "emails",
                                "1",
                                "tasks",
                                "0",
                                "reserve",
                                "closed"),
                        null);
        assertTrue(after.getBody().contains("Reserve list closed: 1 email"), after.getBody());
        assertTrue(after.getBody().contains("Nobody is on the reserve list."));
    }
}
