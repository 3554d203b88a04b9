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

    /** A form posted to one of their steps, as a browser would send it (or someone by hand). */
    private APIGatewayV2HTTPResponse post(String step, String body) {
        APIGatewayV2HTTPEvent e =
                SampleEvents.read(
                        "http-post-your-involvement-pause.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_TOKEN", token));
        e.setRawPath("/your-involvement/" + token + "/" + step);
        e.getRequestContext().getHttp().setPath(e.getRawPath());
        e.setPathParameters(Map.of("token", token, "step", step));
        e.setBody(body);
        return handler.handleRequest(e, null);
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

    /** Someone who has left sees their details and can claim; no form is offered that would be refused. */
    @Test
    void afterRetiringThePageOffersTheirDetailsAndClaimsAndNoChangeForms() {
        assertEquals(303, call("http-post-your-involvement-retire.json").getStatusCode());
        String body = call("http-get-your-involvement.json").getBody();
        String base = "/your-involvement/" + token;
        assertTrue(body.contains("Your time in this role has ended"), body);
        assertTrue(
                java.util.regex.Pattern.compile(
                                "Last day in the role</dt>\\s*<dd class=\"nhsuk-summary-list__value\">3 March 2025</dd>")
                        .matcher(body)
                        .find(),
                "the day they retired");
        assertFalse(body.contains("Term ends"), "not the end of a term they left");
        assertTrue(body.contains("<h2>Your details</h2>"));
        assertTrue(body.contains(app.answer(ApplicationForm.EMAIL)), "their details are shown");
        assertTrue(body.contains("To change your details, contact the team."));
        assertTrue(body.contains("href=\"" + base + "/claim\""), "they can still claim");
        assertTrue(
                body.contains(
                        "You can still claim for costs and time from your time in the role."));
        for (String step :
                List.of(
                        "pause",
                        "return",
                        "retire",
                        "contact",
                        "it-support",
                        "code-of-conduct",
                        "declaration-of-interests"))
            assertFalse(body.contains("href=\"" + base + "/" + step + "\""), step);
        assertFalse(body.contains("Take a break or stop"));

        for (String step : List.of("pause", "retire", "contact", "it-support", "confidentiality")) {
            var form = call("http-get-your-involvement-step.json", Map.of("SAMPLE_STEP", step));
            assertEquals(200, form.getStatusCode(), step);
            assertTrue(
                    form.getBody()
                            .contains(
                                    "This role has ended, so nothing can be changed here. Contact the team if you need anything."),
                    step);
            assertFalse(form.getBody().contains("<form method=\"post\""), step + ": no form");
        }
    }

    /** A form kept from before they left, or made by hand, is still refused on the server with a clear message. */
    @Test
    void afterRetiringAHandMadeChangeIsRefusedAndChangesNothing() {
        assertEquals(303, call("http-post-your-involvement-retire.json").getStatusCode());
        var before = r.partners.involvements.get(id);
        var pause = call("http-post-your-involvement-pause.json");
        assertEquals(409, pause.getStatusCode());
        assertTrue(
                pause.getBody().contains("This role has ended, so nothing can be changed here."));
        assertFalse(pause.getBody().contains("<form method=\"post\""));
        var contact =
                post(
                        "contact",
                        "fullName=Someone+Else&contactMethod=email&email=someone%40example.org");
        assertEquals(409, contact.getStatusCode());
        assertTrue(contact.getBody().contains("This role has ended"));
        assertEquals(PartnerStatus.RETIRED, r.partners.appointments.get(id).status());
        assertEquals(before, r.partners.involvements.get(id), "nothing changed");
    }

    @Test
    void whilePausedThePageShowsThePauseAndComingBackInsteadOfThePauseForm() {
        assertEquals(303, call("http-post-your-involvement-pause.json").getStatusCode());
        String base = "/your-involvement/" + token;
        String body = call("http-get-your-involvement.json").getBody();
        assertTrue(body.contains("<h2>Your role is paused</h2>"), body);
        assertTrue(body.contains("You paused your role on 3 March 2025."));
        assertTrue(body.contains("You said you would like to come back on 1 September 2025."));
        assertTrue(body.contains("href=\"" + base + "/return\">Come back from a pause</a>"));
        assertTrue(body.contains("href=\"" + base + "/retire\""));
        assertFalse(body.contains("href=\"" + base + "/pause\""), "no pause form to be refused");

        var form = call("http-get-your-involvement-step.json", Map.of("SAMPLE_STEP", "pause"));
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("This role is already paused."));
        assertTrue(
                form.getBody()
                        .contains("You said you would like to come back on 1 September 2025."));
        assertTrue(
                form.getBody().contains("href=\"" + base + "/return\">Come back from a pause</a>"));
        assertFalse(form.getBody().contains("<form method=\"post\""));

        var again = call("http-post-your-involvement-pause.json");
        assertEquals(409, again.getStatusCode(), "refused on the server too");
        assertTrue(again.getBody().contains("This role is already paused."));
        assertFalse(again.getBody().contains("<form method=\"post\""));

        clock.advance(Duration.ofDays(10));
        assertEquals(303, post("return", "").getStatusCode(), "they can come back early");
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(id).status());
        var back = call("http-get-your-involvement-step.json", Map.of("SAMPLE_STEP", "return"));
        assertTrue(back.getBody().contains("This role is not paused."));
        assertFalse(back.getBody().contains("<form method=\"post\""));
    }

    @Test
    void aPauseDateWithOnlyTheDaySaysWhatIsMissingAndMarksOnlyThoseBoxes() {
        var bad = post("pause", "returnDate-day=12&returnDate-month=&returnDate-year=");
        assertEquals(400, bad.getStatusCode());
        String body = bad.getBody();
        assertTrue(
                body.contains(
                        "<a href=\"#returnDate-month\">The date you come back must include a month and year</a>"),
                body);
        assertTrue(
                body.contains(
                        "</span> The date you come back must include a month and year</span>"),
                "the same error by the date");
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-2\" id=\"returnDate-day\" name=\"returnDate-day\" type=\"text\" inputmode=\"numeric\" value=\"12\">"),
                "the day they gave is kept and not marked");
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-2 nhsuk-input--error\" id=\"returnDate-month\""));
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-4 nhsuk-input--error\" id=\"returnDate-year\""));
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(id).status());
    }

    @Test
    void theDetailsFormReportsEveryProblemAtOnceInTheSummaryAndByEachQuestion() {
        var bad =
                post(
                        "contact",
                        "fullName=&contactMethod=post&email=&phone=12&addressLine1=&townOrCity=&postcode=");
        assertEquals(400, bad.getStatusCode());
        String body = bad.getBody();
        for (String field :
                List.of("fullName", "phone", "addressLine1", "townOrCity", "postcode")) {
            assertTrue(body.contains("<a href=\"#" + field + "\">"), field + " in the summary");
            assertTrue(body.contains("id=\"" + field + "-error\""), field + " by the question");
        }
        assertTrue(
                body.indexOf("href=\"#fullName\"") < body.indexOf("href=\"#addressLine1\""),
                "in the order of the questions");
        assertTrue(body.contains("as you would like us to write to you by post"));
        assertTrue(body.contains("value=\"12\""), "their answers are kept");
        assertTrue(body.contains("value=\"post\" checked"));
        assertEquals("email", r.partners.involvements.get(id).contactMethod(), "nothing saved");
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
