package org.involve.core.payroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryPayments;
import org.involve.core.fakes.InMemoryPayrollExports;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestPayments;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Email;
import org.involve.core.kit.Refused;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.PayrollCsv;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** The monthly export, finance marking it paid, and the statements, over the in-memory stores. */
class PayrollTest {
    static final Instant APPOINTED = Instant.parse("2026-05-01T09:00:00Z");

    /** 1 December 2026: with the export day the 25th, November's export is the one due. */
    static final Instant DEC_1 = Instant.parse("2026-12-01T07:00:00Z");

    final Round r = new Round();
    final MutableClock clock = new MutableClock(DEC_1);
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    final InMemoryPayments payments = new InMemoryPayments();
    final InMemoryPayrollExports exports = new InMemoryPayrollExports(r.outbox, r.audit);
    final PayrollLetters letters =
            new PayrollLetters(
                    TestPartnerLetters.letters("https://staff.example"), "https://staff.example");
    final AtomicInteger runs = new AtomicInteger();
    final PayrollExportJob job =
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
                    () -> "run-" + runs.incrementAndGet());
    final FinanceDesk desk =
            new FinanceDesk(exports, payments, exports, r.partners, r.roles, letters, clock);

    String appoint(String email) {
        Application a =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, "email", Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 6, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        APPOINTED))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    PaymentRecord pay(
            String claimId, String appointmentId, long involvement, long expenses, LocalDate day) {
        clock.advance(Duration.ofSeconds(1));
        PaymentRecord p =
                new PaymentRecord(
                        claimId,
                        appointmentId,
                        role.id(),
                        involvement,
                        List.of(),
                        0,
                        expenses,
                        0,
                        day,
                        day,
                        clock.instant());
        assertTrue(TestPayments.recordOnce(payments, p));
        return p;
    }

    String reference(String appointmentId) {
        return r.partners.find(appointmentId).orElseThrow().applicationReference();
    }

    Email sent(String messageId) {
        return r.outbox.find(messageId).orElseThrow().email();
    }

    @Test
    void theExportDueIsTheLatestMonthWhoseExportDayHasCome() {
        assertEquals(YearMonth.of(2026, 11), PayrollExportJob.due(LocalDate.of(2026, 12, 1), 25));
        assertEquals(YearMonth.of(2026, 11), PayrollExportJob.due(LocalDate.of(2026, 12, 24), 25));
        assertEquals(YearMonth.of(2026, 12), PayrollExportJob.due(LocalDate.of(2026, 12, 25), 25));
        assertEquals(YearMonth.of(2026, 12), PayrollExportJob.due(LocalDate.of(2026, 12, 31), 25));
        assertEquals(YearMonth.of(2026, 12), PayrollExportJob.due(LocalDate.of(2026, 12, 1), 1));
        assertEquals(YearMonth.of(2026, 12), PayrollExportJob.due(LocalDate.of(2027, 1, 1), 2));
    }

    @Test
    void theExportDayIsADayEveryMonthHas() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new PayrollExportJob(
                                payments,
                                exports,
                                exports,
                                r.partners,
                                r.roles,
                                letters,
                                r.outbox,
                                "finance@example.org",
                                29,
                                () -> "run"));
    }

    @Test
    void everyWaitingPaymentGoesInOneExportOnceAndALaterOneInTheNext() {
        String a = appoint("a@example.org");
        String b = appoint("b@example.org");
        pay("c1", a, 15000, 2340, LocalDate.of(2026, 11, 3));
        pay("c2", b, 0, 900, LocalDate.of(2026, 11, 4));

        assertEquals(new PayrollExportJob.Summary("2026-11", 2, 0), job.run(clock.instant()));
        assertEquals(new PayrollExportJob.Summary("2026-11", 0, 0), job.run(clock.instant()));

        PayrollExport nov = exports.find("2026-11").orElseThrow();
        assertEquals(2, nov.payments());
        assertEquals(2, nov.partners());
        assertEquals(15000, nov.involvementPence());
        assertEquals(3240, nov.expensesPence());
        assertEquals(
                String.join(
                        "\r\n",
                        PayrollCsv.HEADER,
                        reference(a) + ",involvement_payment,yes,150.00,2026-11-03,2026-11-03,c1",
                        reference(a) + ",expenses,no,23.40,2026-11-03,2026-11-03,c1",
                        reference(b) + ",expenses,no,9.00,2026-11-04,2026-11-04,c2",
                        ""),
                exports.files.get(nov.fileKey()));
        Email toFinance = sent("payroll-export-2026-11");
        assertEquals("finance@example.org", toFinance.to());
        assertTrue(toFinance.html().contains("https://staff.example/staff/finance/2026-11"));
        assertTrue(
                toFinance.text().contains("Payments in it: 2. Partners paid: 2."),
                toFinance.text());
        AuditEntry made = r.audit.entries().get(r.audit.entries().size() - 1);
        assertEquals("payroll#2026-11", made.record());
        assertEquals("READY", made.toState());

        // approved after the export was made: not in November's file, in December's
        clock.set(Instant.parse("2026-12-10T09:00:00Z"));
        pay("c3", a, 7500, 0, LocalDate.of(2026, 12, 8));
        assertEquals(new PayrollExportJob.Summary("2026-11", 0, 0), job.run(clock.instant()));
        clock.set(Instant.parse("2026-12-25T07:00:00Z"));
        assertEquals(new PayrollExportJob.Summary("2026-12", 1, 0), job.run(clock.instant()));
        assertEquals(
                List.of("c3"),
                payments.inExport("2026-12").stream().map(PaymentRecord::claimId).toList());
        assertEquals(
                List.of("c1", "c2"),
                payments.inExport("2026-11").stream().map(PaymentRecord::claimId).toList());
        assertFalse(exports.files.get(nov.fileKey()).contains("c3"));
    }

    @Test
    void nothingWaitingMakesNoExportUntilSomethingIs() {
        assertEquals(new PayrollExportJob.Summary("2026-11", 0, 0), job.run(clock.instant()));
        assertTrue(exports.all().isEmpty());
        assertTrue(r.outbox.messages().isEmpty());
        pay("c1", appoint("a@example.org"), 15000, 0, LocalDate.of(2026, 11, 3));
        assertEquals(new PayrollExportJob.Summary("2026-11", 1, 0), job.run(clock.instant()));
    }

    @Test
    void aRunThatIsMakingTheExportKeepsOthersOutUntilItsLeasePasses() {
        pay("c1", appoint("a@example.org"), 15000, 0, LocalDate.of(2026, 11, 3));
        Instant now = clock.instant();
        assertTrue(exports.begin("2026-11", "stuck", now, now.plus(PayrollExportJob.LEASE)));
        assertEquals(0, job.run(now).exported());
        assertTrue(exports.find("2026-11").isEmpty());
        // the stuck run never finished: the next day's run makes the export
        assertEquals(1, job.run(now.plus(Duration.ofDays(1))).exported());
        assertFalse(
                exports.create(
                        exports.find("2026-11").orElseThrow(),
                        "stuck",
                        new AuditEntry("x", "y", "z", now, null, "READY"),
                        new OutboxMessage("late", null, now, now, 0, "x")));
    }

    @Test
    void financeDownloadAndMarkItPaidAndEachPartnerGetsAStatement() {
        String a = appoint("a@example.org");
        String b = appoint("b@example.org");
        pay("c1", a, 15000, 2340, LocalDate.of(2026, 11, 3));
        pay("c2", a, 7500, 0, LocalDate.of(2026, 11, 17));
        pay("c3", b, 0, 900, LocalDate.of(2026, 11, 4));
        job.run(clock.instant());

        assertEquals(
                List.of("2026-11"),
                desk.exports(TestStaff.FINANCE).stream().map(PayrollExport::id).toList());
        FinanceDesk.Detail d = desk.export(TestStaff.FINANCE, "2026-11");
        assertEquals(3, d.lines().size());
        assertEquals(reference(a), d.lines().get(0).payrollReference());
        assertTrue(desk.csv(TestStaff.FINANCE, "2026-11").startsWith(PayrollCsv.HEADER));
        assertThrows(AccessDenied.class, () -> desk.exports(TestStaff.STAFF));
        assertThrows(AccessDenied.class, () -> desk.csv(TestStaff.PANEL_A, "2026-11"));
        assertThrows(Refused.class, () -> desk.markPaid(TestStaff.FINANCE, "2026-11", 0));

        clock.set(Instant.parse("2026-12-03T10:00:00Z"));
        PayrollExport paid = desk.markPaid(TestStaff.FINANCE, "2026-11", d.export().version());

        assertTrue(paid.paid());
        assertTrue(exports.find("2026-11").orElseThrow().paid());
        Email toA = sent("payroll-statement-2026-11-" + a);
        assertEquals("Your payment statement for November 2026", toA.subject());
        assertTrue(
                toA.text().contains("3 November 2026: involvement payment £150, expenses £23.40"),
                toA.text());
        assertTrue(
                toA.text().contains("17 November 2026: involvement payment £75, expenses £0"),
                toA.text());
        assertTrue(toA.text().contains("Involvement payments: £225"), toA.text());
        assertTrue(toA.text().contains("Expenses paid back: £23.40"), toA.text());
        assertTrue(
                toA.text().contains("advice about benefits: email advice@example.org"), toA.text());
        Email toB = sent("payroll-statement-2026-11-" + b);
        assertFalse(toB.text().contains("Involvement payments:"), toB.text());
        assertTrue(toB.text().contains("Expenses paid back: £9"), toB.text());
        assertTrue(
                toB.text().contains("advice about benefits: email advice@example.org"), toB.text());
        AuditEntry last = r.audit.entries().get(r.audit.entries().size() - 1);
        assertEquals(TestStaff.FINANCE.id(), last.who());
        assertEquals("payroll export marked paid", last.what());
        assertEquals("PAID", last.toState());

        Refused again =
                assertThrows(
                        Refused.class,
                        () -> desk.markPaid(TestStaff.FINANCE, "2026-11", paid.version()));
        assertEquals("This export has already been marked as paid.", again.getMessage());
    }

    @Test
    void afterTheFifthOfAprilEachPartnerPaidInTheTaxYearGetsOneSummary() {
        String a = appoint("a@example.org");
        clock.set(Instant.parse("2027-02-25T07:00:00Z"));
        pay("c1", a, 15000, 2340, LocalDate.of(2027, 2, 3));
        job.run(clock.instant());
        desk.markPaid(TestStaff.FINANCE, "2027-02", 1);
        clock.set(Instant.parse("2027-04-05T07:00:00Z"));
        assertEquals(0, job.run(clock.instant()).taxYearSummaries());

        clock.set(Instant.parse("2027-04-06T07:00:00Z"));
        assertEquals(1, job.run(clock.instant()).taxYearSummaries());
        assertEquals(0, job.run(clock.instant().plus(Duration.ofDays(1))).taxYearSummaries());
        Email summary = sent("payroll-tax-year-2026-" + a);
        assertEquals("Your involvement payments for the tax year 2026 to 2027", summary.subject());
        assertTrue(summary.text().contains("6 April 2026 to 5 April 2027"), summary.text());
        assertTrue(summary.text().contains("Involvement payments: £150"), summary.text());
        assertTrue(summary.text().contains("Expenses paid back: £23.40"), summary.text());
        assertTrue(summary.text().contains("HMRC"), summary.text());
        assertTrue(summary.text().contains("DWP"), summary.text());
        assertTrue(
                summary.text().contains("advice about benefits: email advice@example.org"),
                summary.text());
    }
}
