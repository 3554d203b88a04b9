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
import org.involve.core.fakes.InMemoryReceipts;
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
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/**
 * A partner adding a receipt to a cost through the "your involvement" handler: the form posts straight to the store,
 * the store sends them back, and the file is kept or deleted by what its first bytes show.
 */
class YourClaimReceiptsEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-02-20T10:00:00Z"));
    private final Round r = new Round();
    private final PartnerLetters letters = TestPartnerLetters.letters("http://localhost:3000");
    private final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    private final InMemoryReceipts receipts = new InMemoryReceipts();
    private final AtomicInteger ids = new AtomicInteger();
    private final YourInvolvementHandler handler =
            new YourInvolvementHandler(
                    new YourInvolvement(
                            TestPartnerLetters.LINKS,
                            new PartnerChanges(r.partners, r.roles, r.round, letters, clock),
                            clock),
                    new NewLinkRequests(r.partners, r.roles, letters, r.outbox, clock),
                    null,
                    new ClaimMaking(claims, receipts, clock, () -> "c" + ids.incrementAndGet()));
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
        clock.advance(Duration.ofDays(18));
        return a.id();
    }

    private APIGatewayV2HTTPResponse call(String event, Map<String, String> values) {
        Map<String, String> v = new HashMap<>(Map.of("SAMPLE_TOKEN", token));
        v.putAll(values);
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }

    /** Adds the rail fare, opens its receipt form and "uploads" {@code file} to the key in it. */
    private String uploaded(byte[] file) {
        var added = call("http-post-your-involvement-claim-cost.json", Map.of());
        assertEquals(303, added.getStatusCode());
        assertEquals(
                "/your-involvement/" + token + "/claim-receipt?cost=0",
                added.getHeaders().get("Location"),
                "a cost goes straight on to its receipt");
        var form = call("http-get-your-involvement-claim-receipt.json", Map.of());
        assertEquals(200, form.getStatusCode());
        String body = form.getBody();
        String key = body.replaceFirst("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        assertTrue(key.startsWith(claims.drafts(id).get(0).id() + "/"), key);
        receipts.put(key, file);
        return key;
    }

    @Test
    void theFormPostsTheFileStraightToTheStoreAndWorksWithoutJavaScript() {
        uploaded(InMemoryReceipts.PDF);
        var form = call("http-get-your-involvement-claim-receipt.json", Map.of());
        String body = form.getBody();
        assertTrue(
                body.contains(
                        "action=\"https://receipts.example/bucket\""
                                + " enctype=\"multipart/form-data\""),
                body);
        assertTrue(
                body.contains(
                        "name=\"success_action_redirect\" value=\"/your-involvement/"
                                + token
                                + "/claim-receipt-added?cost=0\""));
        assertTrue(body.indexOf("name=\"key\"") < body.indexOf("type=\"file\""), "file last");
        assertTrue(body.contains("Train fare (standard class)"));
        assertTrue(body.contains("£23.40"));
        assertTrue(
                form.getHeaders()
                        .get("Content-Security-Policy")
                        .contains("form-action 'self' https://receipts.example;"),
                "the page may post to the store and nowhere else");
    }

    @Test
    void aPdfIsKeptAndTheClaimShowsIt() {
        String key = uploaded(InMemoryReceipts.PDF);
        var back =
                call(
                        "http-get-your-involvement-claim-receipt-added.json",
                        Map.of("SAMPLE_KEY", key));
        assertEquals(303, back.getStatusCode());
        assertEquals(
                "/your-involvement/" + token + "/claim?done=receiptAdded",
                back.getHeaders().get("Location"));
        Claim draft = claims.drafts(id).get(0);
        assertEquals(key, draft.expenses().get(0).receiptKey());
        var overview = call("http-get-your-involvement-step.json", Map.of("SAMPLE_STEP", "claim"));
        assertTrue(overview.getBody().contains("Added"));
        assertTrue(overview.getBody().contains("Change receipt"));
    }

    @Test
    void aFileThatIsNotAPdfJpegOrPngIsDeletedAndTheFormShownAgainWithThePlainReason() {
        String key = uploaded(InMemoryReceipts.NOT_A_RECEIPT);
        var back =
                call(
                        "http-get-your-involvement-claim-receipt-added.json",
                        Map.of("SAMPLE_KEY", key));
        assertEquals(400, back.getStatusCode());
        String body = back.getBody();
        assertTrue(body.contains("nhsuk-error-summary"));
        assertTrue(body.contains("href=\"#file\""));
        assertTrue(body.contains("The file must be a PDF, JPEG or PNG"));
        assertTrue(body.contains("aria-describedby=\"file-hint file-error\""));
        assertFalse(receipts.stored.containsKey(key));
        assertEquals(null, claims.drafts(id).get(0).expenses().get(0).receiptKey());
        assertFalse(body.contains("value=\"" + key + "\""), "a new key for the next try");
    }

    @Test
    void anotherClaimsKeyIsRefused() {
        uploaded(InMemoryReceipts.PDF);
        var back =
                call(
                        "http-get-your-involvement-claim-receipt-added.json",
                        Map.of("SAMPLE_KEY", "someone-else/k1"));
        assertEquals(409, back.getStatusCode());
        assertTrue(back.getBody().contains("We could not find that cost in your claim"));
    }
}
