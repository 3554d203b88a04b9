package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.InMemoryClaims;
import org.involve.core.fakes.Round;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.payments.Vehicle;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The staff claims pages through their sample events, with the claims and payments in memory. */
class StaffClaimsEventsTest {
    private final StaffClaimsFixture f = new StaffClaimsFixture();
    private final InMemoryClaims claims = f.claims;
    private final Round r = f.r;
    private final Role role = f.role;
    private final StaffClaimsHandler handler =
            new StaffClaimsHandler(f.desk(), f.making(), r.partners, r.roles);
    private final String appointment = f.appointment;
    private final Claim claim = submitted();

    /** Three full days in one month: more than the guideline of 2 days a month. */
    private Claim submitted() {
        LocalDate d = LocalDate.of(2026, 6, 2);
        return f.submitted(
                List.of(
                        new ApprovedClaim.Session(d, 300),
                        new ApprovedClaim.Session(d.plusDays(1), 300),
                        new ApprovedClaim.Session(d.plusDays(2), 300)),
                List.of(
                        new Claim.ClaimExpense(
                                ApprovedClaim.ExpenseKind.RAIL, d, 2340, null, null)),
                List.of(new ApprovedClaim.Journey(d, Vehicle.CAR_OR_VAN, 100)));
    }

    private APIGatewayV2HTTPResponse call(String event, Map<String, String> values) {
        return StaffClaimsFixture.call(handler, claim, event, values);
    }

    @Test
    void theQueueShowsEachClaimWithWhatItPaysAndTheTwoDaysWarning() {
        var page = call("http-get-staff-claims.json", Map.of());
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("href=\"/staff/claims/claim-1\""));
        assertTrue(body.contains(role.title()));
        assertTrue(body.contains("£477.90"), body); // 3 days at £150, rail £23.40, 10 miles at 45p
        assertTrue(body.contains("more than the guideline of 2 days"));

        var one = call("http-get-staff-claim.json", Map.of());
        assertEquals(200, one.getStatusCode());
        assertTrue(one.getBody().contains("nhsuk-warning-callout"));
        assertTrue(one.getBody().contains("£450"));
        assertTrue(one.getBody().contains("name=\"version\" value=\"" + claim.version() + "\""));
    }

    @Test
    void approvingTellsThePartnerAndSendsThePayment() {
        var done = call("http-post-staff-claim-approve.json", Map.of());
        assertEquals(303, done.getStatusCode());
        assertEquals("/staff/claims?done=approved", done.getHeaders().get("Location"));
        assertEquals(ClaimStatus.APPROVED, claims.find(claim.id()).orElseThrow().status());
        assertEquals(1, claims.sentForPayment.size());
        assertTrue(r.outbox.find("claim-approved-" + claim.id()).isPresent());

        var again = call("http-post-staff-claim-approve.json", Map.of());
        assertEquals(409, again.getStatusCode(), "a second press on the old version");
        assertEquals(1, claims.sentForPayment.size());
    }

    @Test
    void rejectingNeedsAReasonAndTellsThePartnerIt() {
        var bad = call("http-post-staff-claim-reject-invalid.json", Map.of());
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("nhsuk-error-summary"));
        assertTrue(bad.getBody().contains("href=\"#reason\""));
        assertEquals(ClaimStatus.SUBMITTED, claims.find(claim.id()).orElseThrow().status());

        var done = call("http-post-staff-claim-reject.json", Map.of());
        assertEquals("/staff/claims?done=rejected", done.getHeaders().get("Location"));
        assertEquals(ClaimStatus.REJECTED, claims.find(claim.id()).orElseThrow().status());
        assertTrue(
                r.outbox
                        .find("claim-rejected-" + claim.id())
                        .orElseThrow()
                        .email()
                        .text()
                        .contains("The taxi was not agreed before the day"));
        assertTrue(claims.sentForPayment.isEmpty());
    }

    @Test
    void thePanelCannotSeeClaims() {
        var page = call("http-get-staff-claims-as-panel.json", Map.of());
        assertEquals(403, page.getStatusCode());
        assertFalse(page.getBody().contains("claim-1"));
    }

    @Test
    void staffMakeAClaimForAPartnerAndItWaitsNamingWhoMadeIt() {
        var page = call("http-get-staff-claim-for.json", Map.of("SAMPLE_STEP", "claim"));
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Claim for "));
        assertTrue(page.getBody().contains("You have not added anything yet."));
        assertEquals(
                200,
                call("http-get-staff-claim-for.json", Map.of("SAMPLE_STEP", "claim-time"))
                        .getStatusCode());
        assertEquals(
                404,
                call("http-get-staff-claim-for.json", Map.of("SAMPLE_STEP", "tenure-review"))
                        .getStatusCode());

        var added = call("http-post-staff-claim-for-time.json", Map.of());
        assertEquals(303, added.getStatusCode());
        assertEquals(
                "/staff/claims/for/" + appointment + "/claim?done=lineAdded",
                added.getHeaders().get("Location"));
        assertTrue(
                call("http-get-staff-claim-for.json", Map.of("SAMPLE_STEP", "claim"))
                        .getBody()
                        .contains("Time given: 2 hours 30 minutes"));
        assertEquals(303, call("http-post-staff-claim-for-send.json", Map.of()).getStatusCode());

        Claim made = claims.find("made-1").orElseThrow();
        assertEquals(ClaimStatus.SUBMITTED, made.status());
        assertEquals("local-sam-staff", made.onBehalfOf(), "the signed-in person");
        assertTrue(
                call("http-get-staff-claim.json", Map.of("SAMPLE_CLAIM", "made-1"))
                        .getBody()
                        .contains("The team made this claim for the partner."));
    }
}
