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
import java.util.concurrent.atomic.AtomicInteger;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryClaims;
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
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.YourInvolvement;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimMaking;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** A partner's claim through the "your involvement" handler, with the claims in memory. */
class YourClaimEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-02-20T10:00:00Z"));
    private final Round r = new Round();
    private final PartnerLetters letters = TestPartnerLetters.letters("http://localhost:3000");
    private final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    private final AtomicInteger ids = new AtomicInteger();
    private final YourInvolvementHandler handler =
            new YourInvolvementHandler(
                    new YourInvolvement(
                            TestPartnerLetters.LINKS,
                            new PartnerChanges(r.partners, r.roles, r.round, letters, clock),
                            clock),
                    new NewLinkRequests(r.partners, r.roles, letters, r.outbox, clock),
                    null,
                    new ClaimMaking(claims, clock, () -> "claim-" + ids.incrementAndGet()));
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final String id = appoint();
    private final String token =
            TestPartnerLetters.LINKS.issue(
                    LinkPurpose.PARTNER, id, clock.instant().plus(Duration.ofDays(60)));

    private String appoint() {
        Application app = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2025, 3, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        clock.instant()))
                        .appointment();
        assertTrue(r.partners.appoint(app, a, Map.of(), List.of(), List.of()));
        clock.advance(Duration.ofDays(18)); // 10 March 2025: the claims' dates (4 March) are past
        return a.id();
    }

    private APIGatewayV2HTTPResponse call(String event, Map<String, String> values) {
        Map<String, String> v = new HashMap<>(Map.of("SAMPLE_TOKEN", token));
        v.putAll(values);
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }

    private APIGatewayV2HTTPResponse page(String step) {
        return call("http-get-your-involvement-step.json", Map.of("SAMPLE_STEP", step));
    }

    @Test
    void theirPageLeadsToTheClaimAndEachLinesForm() {
        var you = call("http-get-your-involvement.json", Map.of());
        assertTrue(
                you.getBody()
                        .contains(
                                "href=\"/your-involvement/"
                                        + token
                                        + "/claim\">Claim expenses or payment"));
        var claim = page("claim");
        assertEquals(200, claim.getStatusCode());
        assertTrue(claim.getBody().contains("You have not added anything yet."));
        assertFalse(claim.getBody().contains("Send your claim"), "nothing to send yet");
        for (String step : List.of("claim-cost", "claim-journey", "claim-time"))
            assertEquals(200, page(step).getStatusCode(), step);
        assertTrue(page("claim-journey").getBody().contains("value=\"car-or-van\""));
        assertTrue(page("claim-cost").getBody().contains("Childcare or a carer"));
    }

    @Test
    void aJourneyAndARailFareAreKeptAndSentForADecision() {
        var journey = call("http-post-your-involvement-claim-journey.json", Map.of());
        assertEquals(303, journey.getStatusCode());
        assertEquals(
                "/your-involvement/" + token + "/claim?done=lineAdded",
                journey.getHeaders().get("Location"));
        assertEquals(
                303, call("http-post-your-involvement-claim-cost.json", Map.of()).getStatusCode());

        String overview = page("claim").getBody();
        assertTrue(overview.contains("Car or van: 12.5 miles"), overview);
        assertTrue(overview.contains("Train fare (standard class)"));
        assertTrue(overview.contains("£23.40"));
        assertTrue(overview.contains("4 March 2025"));
        assertTrue(overview.contains("Send your claim"));

        var sent = call("http-post-your-involvement-claim-send.json", Map.of());
        assertEquals(
                "/your-involvement/" + token + "/claim?done=claimSent",
                sent.getHeaders().get("Location"));
        Claim claim = claims.waiting().get(0);
        assertEquals(ClaimStatus.SUBMITTED, claim.status());
        assertEquals(id, claim.appointmentId());
        assertEquals(1, claim.journeys().size());
        assertEquals(1, claim.expenses().size());
        assertEquals(3, r.audit.trailOf("claim#" + claim.id()).size());
    }

    @Test
    void aBadCostShowsTheErrorSummaryKeepsWhatTheyTypedAndLosesNothing() {
        call("http-post-your-involvement-claim-journey.json", Map.of());
        var bad = call("http-post-your-involvement-claim-cost-invalid.json", Map.of());
        assertEquals(400, bad.getStatusCode());
        String body = bad.getBody();
        assertTrue(body.contains("nhsuk-error-summary"));
        assertTrue(body.contains("href=\"#amount\""));
        assertTrue(body.contains("The amount must be more than £0"));
        assertTrue(body.contains("Tell us why you needed a taxi or parking"));
        assertTrue(body.contains("value=\"-5\""), "what they typed is kept");
        Claim draft = claims.drafts(id).get(0);
        assertEquals(1, draft.journeys().size(), "the journey added first is still there");
        assertTrue(draft.expenses().isEmpty());
    }

    /** Someone who has retired still claims from their link, for their time in the role and no later. */
    @Test
    void afterRetiringTheyCanStillClaimForTheirTimeInTheRole() {
        assertEquals(303, call("http-post-your-involvement-retire.json", Map.of()).getStatusCode());
        assertTrue(
                call("http-get-your-involvement.json", Map.of())
                        .getBody()
                        .contains("href=\"/your-involvement/" + token + "/claim\""));
        assertEquals(200, page("claim").getStatusCode());
        assertEquals(200, page("claim-journey").getStatusCode());
        assertEquals(
                303,
                call("http-post-your-involvement-claim-journey.json", Map.of()).getStatusCode());

        clock.advance(Duration.ofDays(10));
        APIGatewayV2HTTPEvent afterLeaving =
                SampleEvents.read(
                        "http-post-your-involvement-claim-journey.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_TOKEN", token));
        afterLeaving.setBody("vehicle=car-or-van&date-day=15&date-month=3&date-year=2025&miles=3");
        var refused = handler.handleRequest(afterLeaving, null);
        assertEquals(400, refused.getStatusCode());
        assertTrue(
                refused.getBody()
                        .contains(
                                "The date must be while you were in the role, from 1 March 2025 to 10 March 2025"),
                refused.getBody());
        assertEquals(1, claims.drafts(id).get(0).journeys().size());
        assertEquals(
                303, call("http-post-your-involvement-claim-send.json", Map.of()).getStatusCode());
    }

    @Test
    void sendingNothingIsRefusedPlainly() {
        var sent = call("http-post-your-involvement-claim-send.json", Map.of());
        assertEquals(409, sent.getStatusCode());
        assertTrue(sent.getBody().contains("Add at least one thing to claim"));
    }
}
