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
import org.involve.core.fakes.InMemoryPayments;
import org.involve.core.fakes.InMemoryPayrollExports;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestPayments;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.PayrollCsv;
import org.involve.core.payroll.FinanceDesk;
import org.involve.core.payroll.PayrollExportJob;
import org.involve.core.payroll.PayrollLetters;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The finance pages and the monthly export job through their sample events, with the stores in memory. */
class StaffFinanceEventsTest {
    static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    private final Round r = new Round();
    private final MutableClock clock = new MutableClock(NOW);
    private final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    private final InMemoryPayments payments = new InMemoryPayments();
    private final InMemoryPayrollExports exports = new InMemoryPayrollExports(r.outbox, r.audit);
    private final PayrollLetters letters =
            new PayrollLetters(
                    TestPartnerLetters.letters("https://staff.example"), "https://staff.example");
    private final PayrollExportHandler job =
            new PayrollExportHandler(
                    new PayrollExportJob(
                            payments,
                            exports,
                            exports,
                            r.partners,
                            r.roles,
                            letters,
                            r.outbox,
                            "finance@example.org",
                            25,
                            () -> "run-1"),
                    clock);
    private final StaffFinanceHandler handler =
            new StaffFinanceHandler(
                    new FinanceDesk(
                            exports, payments, exports, r.partners, r.roles, letters, clock));
    private final String appointment = appoint();

    private String appoint() {
        Application a =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, "email", Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 6, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minus(Duration.ofDays(200))))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        LocalDate d = LocalDate.of(2026, 11, 3);
        TestPayments.recordOnce(
                payments,
                new PaymentRecord(
                        "claim-1", made.id(), role.id(), 15000, List.of(), 0, 2340, 0, d, d, NOW));
        return made.id();
    }

    private APIGatewayV2HTTPResponse call(String event, Map<String, String> values) {
        Map<String, String> v = new HashMap<>(Map.of("SAMPLE_EXPORT", "2026-11"));
        v.put("SAMPLE_VERSION", "1");
        v.putAll(values);
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }

    @Test
    void theJobExportsAndFinanceSeeDownloadAndMarkItPaid() {
        Map<String, Object> ran = job.handleRequest(Map.of(), null);
        assertEquals(Map.of("export", "2026-11", "exported", 1, "taxYearSummaries", 0), ran);

        var list = call("http-get-staff-finance.json", Map.of());
        assertEquals(200, list.getStatusCode());
        assertTrue(list.getBody().contains("href=\"/staff/finance/2026-11\""), list.getBody());
        assertTrue(list.getBody().contains("November 2026"));
        assertTrue(list.getBody().contains("£173.40"));
        assertTrue(list.getBody().contains("Ready to pay"));

        var one = call("http-get-staff-finance-export.json", Map.of());
        assertEquals(200, one.getStatusCode());
        String reference = r.partners.find(appointment).orElseThrow().applicationReference();
        assertTrue(one.getBody().contains(reference), one.getBody());
        assertTrue(one.getBody().contains("href=\"/staff/finance/2026-11/csv\""));
        assertTrue(one.getBody().contains("name=\"version\" value=\"1\""));
        assertTrue(one.getBody().contains("Waiting for payroll"));

        var csv = call("http-get-staff-finance-export-csv.json", Map.of());
        assertEquals(200, csv.getStatusCode());
        assertTrue(csv.getHeaders().get("Content-Type").startsWith("text/csv"));
        assertEquals(
                "attachment; filename=\"payroll-2026-11.csv\"",
                csv.getHeaders().get("Content-Disposition"));
        assertTrue(
                csv.getBody()
                        .startsWith(
                                PayrollCsv.HEADER
                                        + "\r\n"
                                        + reference
                                        + ",involvement_payment,yes,150.00"));

        var paid = call("http-post-staff-finance-export-paid.json", Map.of());
        assertEquals(303, paid.getStatusCode());
        assertEquals("/staff/finance/2026-11?done=paid", paid.getHeaders().get("Location"));
        assertTrue(r.outbox.find("payroll-statement-2026-11-" + appointment).isPresent());

        var after =
                call(
                        "http-get-staff-finance-export.json",
                        Map.of("\"rawQueryString\": \"\"", "\"rawQueryString\": \"done=paid\""));
        assertEquals(200, after.getStatusCode());
        assertFalse(after.getBody().contains("Waiting for payroll"));
        assertFalse(after.getBody().contains("action=\"/staff/finance/2026-11/paid\""));
        assertTrue(after.getBody().contains("Paid, marked on 1 December 2026"), after.getBody());
    }

    @Test
    void markingPaidOnAStaleVersionShowsTheExportAsItIsNow() {
        job.handleRequest(Map.of(), null);
        var stale = call("http-post-staff-finance-export-paid.json", Map.of("SAMPLE_VERSION", "0"));
        assertEquals(409, stale.getStatusCode());
        assertTrue(stale.getBody().contains("nhsuk-error-summary"));
        assertTrue(stale.getBody().contains("Someone else changed this export"));
        assertFalse(exports.find("2026-11").orElseThrow().paid());
    }

    @Test
    void staffWhoAreNotFinanceCannotSeeTheExports() {
        job.handleRequest(Map.of(), null);
        assertEquals(403, call("http-get-staff-finance-as-staff.json", Map.of()).getStatusCode());
    }

    @Test
    void anExportThatDoesNotExistIsNotFound() {
        assertEquals(404, call("http-get-staff-finance-export.json", Map.of()).getStatusCode());
        assertEquals(
                404,
                call("http-get-staff-finance-export.json", Map.of("SAMPLE_EXPORT", "nothing"))
                        .getStatusCode());
    }
}
