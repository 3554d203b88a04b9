package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.links.LinkPurpose;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.NewLinkRequests;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDocument;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.YourInvolvement;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** The partner's "your involvement" events through their handler, with the partner records in memory. */
class YourInvolvementEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final Round r = new Round();
    private final PartnerLetters letters = TestPartnerLetters.letters("http://localhost:3000");
    private final PartnerChanges changes =
            new PartnerChanges(r.partners, r.roles, r.round, letters, clock);
    private final YourInvolvementHandler handler =
            new YourInvolvementHandler(
                    new YourInvolvement(TestPartnerLetters.LINKS, changes, clock),
                    new NewLinkRequests(r.partners, r.roles, letters, r.outbox, clock));
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final Application app = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
    private final String id = appoint();
    private final String token =
            TestPartnerLetters.LINKS.issue(
                    LinkPurpose.PARTNER, id, clock.instant().plus(Duration.ofDays(30)));

    private String appoint() {
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2025, 4, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        clock.instant()))
                        .appointment();
        assertTrue(r.partners.appoint(app, a, Map.of(), List.of(), List.of()));
        return a.id();
    }

    private APIGatewayV2HTTPResponse call(String event, Map<String, String> values) {
        Map<String, String> v = new HashMap<>(Map.of("SAMPLE_TOKEN", token));
        v.putAll(values);
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, Map.of());
    }

    @Test
    void theLinkOpensTheirInvolvementAndEachStepsForm() {
        var page = call("http-get-your-involvement.json");
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("<h1>Your involvement</h1>"));
        assertTrue(body.contains(role.title()));
        assertTrue(body.contains("Not agreed yet"));
        assertTrue(body.contains("href=\"/your-involvement/" + token + "/pause\""));
        assertTrue(body.contains("Captions on video calls"), "adjustments from the application");

        var form = call("http-get-your-involvement-step.json", Map.of("SAMPLE_STEP", "contact"));
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("value=\"" + app.answer(ApplicationForm.EMAIL) + "\""));
        assertEquals(
                404,
                call("http-get-your-involvement-step.json", Map.of("SAMPLE_STEP", "it-given"))
                        .getStatusCode(),
                "staff-only steps are not a partner's");
    }

    @Test
    void pausingFromTheLinkIsStoredAuditedAndTheTeamIsTold() {
        var bad = call("http-post-your-involvement-pause-invalid.json");
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("nhsuk-error-summary"));
        assertTrue(bad.getBody().contains("value=\"31\""), "what they typed is kept");
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(id).status());

        var done = call("http-post-your-involvement-pause.json");
        assertEquals(303, done.getStatusCode());
        assertEquals(
                "/your-involvement/" + token + "?done=paused", done.getHeaders().get("Location"));
        assertEquals(PartnerStatus.PAUSED, r.partners.appointments.get(id).status());
        assertEquals(1, r.audit.trailOf("appointment:" + id).size());
        assertTrue(
                r.outbox.messages().stream()
                        .anyMatch(m -> m.email().to().equals(role.contact().teamEmail())));

        var page =
                handler.handleRequest(
                        withDone(
                                SampleEvents.read(
                                        "http-get-your-involvement.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of("SAMPLE_TOKEN", token)),
                                "paused"),
                        null);
        assertTrue(page.getBody().contains("Your role is paused"));
        assertTrue(page.getBody().contains("Paused until 1 September 2025"));
        assertEquals(
                409,
                call("http-post-your-involvement-pause.json").getStatusCode(),
                "already paused");
    }

    @Test
    void agreeingTheCodeOfConductKeepsTheDateAndVersion() {
        assertEquals(303, call("http-post-your-involvement-agree.json").getStatusCode());
        var agreed =
                r.partners.involvements.get(id).documents().get(PartnerDocument.CODE_OF_CONDUCT);
        assertEquals(LocalDate.of(2025, 3, 3), agreed.on());
        assertTrue(
                call("http-get-your-involvement.json")
                        .getBody()
                        .contains("Agreed on 3 March 2025 (version " + agreed.version() + ")"));
    }

    @Test
    void retiringShowsAThankYouAndSendsAFarewellWithTheirLink() {
        var done = call("http-post-your-involvement-retire.json");
        assertEquals(303, done.getStatusCode());
        assertEquals(
                "/your-involvement/" + token + "?done=retired", done.getHeaders().get("Location"));
        assertEquals(PartnerStatus.RETIRED, r.partners.appointments.get(id).status());
        var page =
                handler.handleRequest(
                        withDone(
                                SampleEvents.read(
                                        "http-get-your-involvement.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of("SAMPLE_TOKEN", token)),
                                "retired"),
                        null);
        assertTrue(page.getBody().contains("nhsuk-panel__title\">Thank you</h1>"));
        assertTrue(page.getBody().contains("Your time in this role has ended"));
        assertFalse(page.getBody().contains("We will invite you"), "no induction once retired");
        var farewell =
                r.outbox.messages().stream()
                        .filter(m -> m.id().equals("partner-farewell-" + id))
                        .findFirst()
                        .orElseThrow();
        assertEquals(app.answer(ApplicationForm.EMAIL), farewell.email().to());
        assertTrue(farewell.email().text().contains("Thank you for everything you have given"));
        assertEquals(
                409,
                call("http-post-your-involvement-agree.json").getStatusCode(),
                "nothing changes once retired");
    }

    @Test
    void anExpiredOrAlteredLinkIsRefusedAndLeadsToANewOne() {
        clock.advance(Duration.ofDays(31));
        var expired = call("http-get-your-involvement.json");
        assertEquals(410, expired.getStatusCode());
        assertTrue(expired.getBody().contains("This link has expired"));
        assertTrue(expired.getBody().contains("href=\"/your-involvement\""));
        assertEquals(410, call("http-post-your-involvement-agree.json").getStatusCode());
        assertTrue(r.partners.involvements.get(id).documents().isEmpty());
        assertEquals(
                404,
                handler.handleRequest(
                                SampleEvents.read(
                                        "http-get-your-involvement.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of(
                                                "SAMPLE_TOKEN",
                                                token.substring(0, token.length() - 2) + "AA")),
                                null)
                        .getStatusCode());
    }

    @Test
    void aNewLinkGoesOnlyToAnAddressOnRecordAndTheAnswerIsTheSameForAnyAddress() {
        assertEquals(200, call("http-get-your-involvement-new-link.json").getStatusCode());
        var invalid = call("http-post-your-involvement-new-link-invalid.json");
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getBody().contains("nhsuk-error-summary"));

        var known =
                call(
                        "http-post-your-involvement-new-link.json",
                        Map.of("SAMPLE_EMAIL", app.answer(ApplicationForm.EMAIL)));
        var unknown =
                call(
                        "http-post-your-involvement-new-link.json",
                        Map.of("SAMPLE_EMAIL", "nobody%40example.org"));
        assertEquals(200, known.getStatusCode());
        assertEquals(known.getStatusCode(), unknown.getStatusCode());
        assertEquals(known.getBody(), unknown.getBody());
        var sent = r.outbox.messages();
        assertEquals(1, sent.size());
        assertEquals(app.answer(ApplicationForm.EMAIL), sent.get(0).email().to());
        assertTrue(
                sent.get(0).email().text().contains("https://involve.example/your-involvement/"));
        assertFalse(sent.get(0).email().text().contains(token), "a fresh link");
    }

    private static APIGatewayV2HTTPEvent withDone(APIGatewayV2HTTPEvent e, String done) {
        e.setRawQueryString("done=" + done);
        e.setQueryStringParameters(Map.of("done", done));
        return e;
    }
}
