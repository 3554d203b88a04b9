package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryClaims;
import org.involve.core.fakes.InMemoryPayments;
import org.involve.core.fakes.InMemoryReceipts;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.ClaimMaking;
import org.involve.core.payments.Guideline;
import org.involve.core.payments.MileageRates;
import org.involve.core.payments.PaymentLetters;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** Staff deciding a claim see each receipt through a short-lived link, and are warned of a cost without one. */
class StaffClaimReceiptsEventsTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    private final Round r = new Round();
    private final MutableClock clock = new MutableClock(NOW);
    private final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    private final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    private final InMemoryReceipts receipts = new InMemoryReceipts();
    private final StaffClaimsHandler handler =
            new StaffClaimsHandler(
                    new ClaimDesk(
                            claims,
                            new InMemoryPayments(),
                            r.partners,
                            r.roles,
                            new PaymentLetters(TestPartnerLetters.letters("https://staff.example")),
                            new MileageRates(45, 25, 10_000, 24, 20),
                            new Guideline(2),
                            clock),
                    new ClaimMaking(claims, clock, () -> "made"),
                    r.partners,
                    r.roles,
                    receipts);
    private final Claim claim = submitted(appoint());

    private String appoint() {
        Application a =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, "email", Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 6, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minus(Duration.ofDays(20))))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    /** A rail fare with its receipt and a taxi without one. */
    private Claim submitted(String appointmentId) {
        LocalDate d = LocalDate.of(2026, 6, 2);
        receipts.put("claim-1/r1", InMemoryReceipts.PDF);
        Claim c =
                Claim.draft("claim-1", appointmentId, role.id(), null, NOW)
                        .withContents(
                                List.of(),
                                List.of(
                                        new Claim.ClaimExpense(
                                                ApprovedClaim.ExpenseKind.RAIL,
                                                d,
                                                2340,
                                                null,
                                                "claim-1/r1"),
                                        new Claim.ClaimExpense(
                                                ApprovedClaim.ExpenseKind.TAXI,
                                                d,
                                                1200,
                                                "No bus after 9pm",
                                                null)),
                                List.of())
                        .submit(NOW);
        claims.claims.put(c.id(), c);
        return c;
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return handler.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_CLAIM",
                                claim.id(),
                                "SAMPLE_APPOINTMENT",
                                claim.appointmentId(),
                                "SAMPLE_VERSION",
                                String.valueOf(claim.version()))),
                null);
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
