package org.involve.handlers;

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
import org.involve.core.fakes.InMemoryPayments;
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

/**
 * What the staff claims pages' tests stand on: a day-rate role with one partner appointed to it, the claims in memory,
 * the desk that decides them (mileage at 45p, a guideline of 2 days a month) and the making of claims for a partner
 * (ids made-1, made-2, ...).
 */
final class StaffClaimsFixture {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    final Round r = new Round();
    final MutableClock clock = new MutableClock(NOW);
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    final String appointment = appoint();
    private final AtomicInteger ids = new AtomicInteger();

    ClaimDesk desk() {
        return new ClaimDesk(
                claims,
                new InMemoryPayments(),
                r.partners,
                r.roles,
                new PaymentLetters(TestPartnerLetters.letters("https://staff.example")),
                new MileageRates(45, 25, 10_000, 24, 20),
                new Guideline(2),
                clock);
    }

    ClaimMaking making() {
        return new ClaimMaking(claims, clock, () -> "made-" + ids.incrementAndGet());
    }

    /** An applicant offered the role, appointed twenty days ago. */
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

    /** Claim "claim-1" for the appointment, with these contents, sent to staff now and kept. */
    Claim submitted(
            List<ApprovedClaim.Session> sessions,
            List<Claim.ClaimExpense> expenses,
            List<ApprovedClaim.Journey> journeys) {
        Claim c =
                Claim.draft("claim-1", appointment, role.id(), null, NOW)
                        .withContents(sessions, expenses, journeys)
                        .submit(NOW);
        claims.claims.put(c.id(), c);
        return c;
    }

    /** The handler's answer to a sample event about {@code claim}, with {@code values} for its other placeholders. */
    static APIGatewayV2HTTPResponse call(
            StaffClaimsHandler handler, Claim claim, String event, Map<String, String> values) {
        Map<String, String> v = new HashMap<>(Map.of("SAMPLE_CLAIM", claim.id()));
        v.put("SAMPLE_APPOINTMENT", claim.appointmentId());
        v.put("SAMPLE_VERSION", String.valueOf(claim.version()));
        v.putAll(values);
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }
}
