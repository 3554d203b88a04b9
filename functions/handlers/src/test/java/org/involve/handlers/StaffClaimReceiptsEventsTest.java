package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.InMemoryReceipts;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.junit.jupiter.api.Test;

/** Staff deciding a claim see each receipt through a short-lived link, and are warned of a cost without one. */
class StaffClaimReceiptsEventsTest {
    private final StaffClaimsFixture f = new StaffClaimsFixture();
    private final InMemoryReceipts receipts = new InMemoryReceipts();
    private final StaffClaimsHandler handler =
            new StaffClaimsHandler(f.desk(), f.making(), f.r.partners, f.r.roles, receipts);
    private final Claim claim = submitted();

    /** A rail fare with its receipt and a taxi without one. */
    private Claim submitted() {
        LocalDate d = LocalDate.of(2026, 6, 2);
        receipts.put("claim-1/r1", InMemoryReceipts.PDF);
        return f.submitted(
                List.of(),
                List.of(
                        new Claim.ClaimExpense(
                                ApprovedClaim.ExpenseKind.RAIL, d, 2340, null, "claim-1/r1"),
                        new Claim.ClaimExpense(
                                ApprovedClaim.ExpenseKind.TAXI, d, 1200, "No bus after 9pm", null)),
                List.of());
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return StaffClaimsFixture.call(handler, claim, event, Map.of());
    }

    @Test
    void theClaimLinksEachReceiptForAFewMinutesAndWarnsOfACostWithout() {
        var page = call("http-get-staff-claim.json");
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(
                body.contains(
                        "href=\"https://receipts.example/bucket/claim-1/r1?X-Amz-Expires=300\""),
                body);
        assertTrue(body.contains("View receipt"));
        assertTrue(body.contains("<strong>No receipt</strong>"));
        assertTrue(body.contains("nhsuk-warning-callout"));
        assertTrue(body.contains("No receipt for Taxi (No bus after 9pm) on 2 June 2026."), body);
        assertFalse(body.contains("No receipt for Train"), "the rail fare has one");
        assertTrue(body.contains("Approve this claim"), "a warning never stops an approval");
    }
}
