package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payroll.PayrollExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payroll exports table with the payments table, on the emulators: the steps the monthly job takes (take the
 * month's making, move the waiting payments, store the export), run twice, at once, and with a payment approved in
 * between; and finance marking an export paid on the version read, with the statements in the same transaction.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoPayrollExportsTest {
    private final DynamoPayments payments;
    private final DynamoPayrollExports exports;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    DynamoPayrollExportsTest(AwsEnvironment aws) {
        this.payments = new DynamoPayments(aws.dynamo(), aws.table("PaymentsTable"));
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.exports =
                new DynamoPayrollExports(
                        aws.dynamo(), aws.table("PayrollExportsTable"), outbox, () -> audit);
    }

    /** A month no other test uses (the tables are shared by the tests of a run). */
    private static String month() {
        int n = Math.floorMod(Samples.unique("m").hashCode(), 9000);
        return String.format("%04d-%02d", 1000 + n, 1 + Math.floorMod(n, 12));
    }

    private static OutboxMessage letter(String id) {
        return new OutboxMessage(
                Samples.unique(id),
                Samples.email("finance@example.org"),
                Samples.NOW,
                Samples.NOW,
                0,
                "payroll-export");
    }

    /** What one run of the job does for export {@code id}: the payments it exported, or none. */
    private List<PaymentRecord> run(String id, String run, Instant now) {
        if (exports.find(id).isPresent()) return List.of();
        if (!exports.begin(id, run, now, now.plus(Duration.ofMinutes(15)))) return List.of();
        List<PaymentRecord> in = payments.export(id, java.time.LocalDate.of(2026, 11, 30));
        if (in.isEmpty()) {
            exports.release(id, run);
            return List.of();
        }
        PayrollExport e = export(id, in.size());
        if (!exports.create(e, run, entry(id, null, "READY"), letter("payroll-export")))
            return List.of();
        return in;
    }

    private static PayrollExport export(String id, int count) {
        return new PayrollExport(
                id,
                Samples.NOW,
                count,
                1,
                100L * count,
                0,
                "payroll/" + id + ".csv",
                null,
                null,
                1);
    }

    private static AuditEntry entry(String id, String from, String to) {
        return new AuditEntry(
                "scheduler", "payroll export", "payroll#" + id, Samples.NOW, from, to);
    }

    private List<String> waiting(int n) {
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = Samples.unique("claim");
            assertTrue(
                    DynamoPaymentsTest.recordOnce(
                            payments, DynamoPaymentsTest.payment(c, 100 + i)));
            claims.add(c);
        }
        return claims;
    }

    @Test
    void twoRunsAtOnceMakeOneExportAndALateApprovalGoesInTheNext() throws Exception {
        List<String> claims = waiting(6);
        String nov = month();
        var pool = Executors.newFixedThreadPool(2);
        List<PaymentRecord> a, b;
        try {
            var fa = pool.submit(() -> run(nov, "run-a", Samples.NOW));
            var fb = pool.submit(() -> run(nov, "run-b", Samples.NOW));
            a = fa.get();
            b = fb.get();
        } finally {
            pool.shutdownNow();
        }
        assertTrue(a.isEmpty() != b.isEmpty(), "exactly one run made the export");
        List<String> made = (a.isEmpty() ? b : a).stream().map(PaymentRecord::claimId).toList();
        assertTrue(made.containsAll(claims), "every waiting payment is in it");
        assertEquals(made.size(), new HashSet<>(made).size());
        PayrollExport stored = exports.find(nov).orElseThrow();
        assertEquals(made.size(), stored.payments());
        assertTrue(exports.all().stream().anyMatch(e -> e.id().equals(nov)));

        // run again the same month, and a payment approved since: nothing new in November's export
        String late = Samples.unique("claim");
        assertTrue(DynamoPaymentsTest.recordOnce(payments, DynamoPaymentsTest.payment(late, 1)));
        assertTrue(run(nov, "run-c", Samples.NOW.plusSeconds(60)).isEmpty());
        assertFalse(payments.inExport(nov).stream().anyMatch(p -> p.claimId().equals(late)));

        String dec = month();
        List<String> next =
                run(dec, "run-d", Samples.NOW).stream().map(PaymentRecord::claimId).toList();
        assertTrue(next.contains(late));
        assertTrue(next.stream().noneMatch(made::contains), "no payment is in two exports");
    }

    @Test
    void aStoppedRunIsTakenOverOnceItsLeasePassesAndCannotFinishAfterwards() {
        String id = month();
        Instant now = Samples.NOW;
        assertTrue(exports.begin(id, "stopped", now, now.plus(Duration.ofMinutes(15))));
        assertFalse(
                exports.begin(
                        id, "too-soon", now.plusSeconds(60), now.plus(Duration.ofMinutes(16))));
        assertTrue(
                exports.begin(
                        id,
                        "next-day",
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(1).plusMinutes(15))));
        assertFalse(
                exports.create(export(id, 1), "stopped", entry(id, null, "READY"), letter("a")));
        assertTrue(exports.find(id).isEmpty(), "a held month is no export");
        assertTrue(
                exports.create(export(id, 1), "next-day", entry(id, null, "READY"), letter("b")));
        assertFalse(
                exports.begin(
                        id, "later", now.plus(Duration.ofDays(9)), now.plus(Duration.ofDays(10))));
        assertEquals(Optional.of(export(id, 1)), exports.find(id));
    }

    @Test
    void aRunWithNothingToExportLeavesTheMonthForALaterRun() {
        String id = month();
        assertTrue(exports.begin(id, "empty", Samples.NOW, Samples.NOW.plusSeconds(900)));
        exports.release(id, "empty");
        assertTrue(exports.begin(id, "later", Samples.NOW, Samples.NOW.plusSeconds(900)));
    }

    @Test
    void markingPaidIsOnTheVersionReadWithTheStatementsAndItsAuditEntry() {
        String id = month();
        assertTrue(exports.begin(id, "r", Samples.NOW, Samples.NOW.plusSeconds(900)));
        PayrollExport made = export(id, 2);
        assertTrue(exports.create(made, "r", entry(id, null, "READY"), letter("ready")));
        PayrollExport paid = made.markedPaid("finance-1", Samples.NOW.plusSeconds(5));
        OutboxMessage statement = letter("statement");
        assertTrue(exports.markPaid(made, paid, entry(id, "READY", "PAID"), List.of(statement)));
        assertEquals(Optional.of(paid), exports.find(id));
        assertTrue(outbox.find(statement.id()).isPresent());
        assertEquals("PAID", audit.trailOf("payroll#" + id).get(1).toState());
        // a second person marking it paid on the version they read changes nothing
        OutboxMessage again = letter("statement");
        assertFalse(exports.markPaid(made, paid, entry(id, "READY", "PAID"), List.of(again)));
        assertTrue(outbox.find(again.id()).isEmpty());
    }
}
