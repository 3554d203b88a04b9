package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.involve.core.payments.Guideline;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;
import org.involve.core.payments.Payments.PaidSoFar;
import org.involve.core.payments.Payments.Recorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoPaymentsTest {
    /** Stores {@code payment} if its claim has none yet, reading again when another payment lands meanwhile. */
    static boolean recordOnce(DynamoPayments payments, PaymentRecord payment) {
        while (true) {
            Payments.Recorded r =
                    payments.record(payment, payments.paidSoFar(payment.appointmentId()));
            if (r != Payments.Recorded.PAID_SINCE) return r == Payments.Recorded.RECORDED;
        }
    }

    private final DynamoPayments payments;

    /** The last day of the March 2027 payroll month. */
    static final LocalDate PAID_BY = LocalDate.of(2027, 3, 31);

    private final AwsEnvironment aws;

    DynamoPaymentsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.payments = new DynamoPayments(aws.dynamo(), aws.table("PaymentsTable"));
    }

    static PaymentRecord payment(String claimId, long involvementPence) {
        LocalDate day = LocalDate.of(2027, 3, 3);
        return new PaymentRecord(
                claimId,
                "appt-1",
                "scg",
                involvementPence,
                List.of(new Guideline.PaidDay(day, 2)),
                0,
                1234,
                0,
                day,
                day,
                Samples.NOW);
    }

    private PaymentRecord paymentTo(String appointment, String claim, long pence) {
        PaymentRecord p = payment(claim, pence);
        return new PaymentRecord(
                p.claimId(),
                appointment,
                p.roleId(),
                p.involvementPence(),
                p.days(),
                0,
                p.expensesPence(),
                0,
                p.firstDate(),
                p.lastDate(),
                p.calculatedAt());
    }

    /**
     * A payment just recorded is in what the calculator reads next even while the ByAppointment index has not caught
     * up with it (as DynamoDB's indexes can lag a moment behind a write): the partner's ledger, read consistently,
     * lists it, and it is read by its key.
     */
    @Test
    void aPaymentTheIndexHasNotCaughtUpWithIsStillInWhatWasPaid() {
        String appointment = Samples.unique("appt");
        PaymentRecord first = paymentTo(appointment, Samples.unique("claim"), 15000);
        assertEquals(Recorded.RECORDED, payments.record(first, payments.paidSoFar(appointment)));
        try {
            aws.dynamoFaults().indexLagsBehind("ByAppointment");
            assertEquals(List.of(), payments.forAppointment(appointment), "the index lags");
            PaidSoFar paid = payments.paidSoFar(appointment);
            assertEquals(List.of(first), paid.payments());
            assertEquals(1, paid.version());
        } finally {
            aws.dynamoFaults().clear();
        }
    }

    /**
     * Two calculations from the same reading of a partner's payments (two consumers at once): the first is recorded,
     * the second refused with nothing written, and recorded once calculated from a fresh reading.
     */
    @Test
    void aPaymentCalculatedFromAReadingAnotherPaymentHasOvertakenIsRefused() {
        String appointment = Samples.unique("appt");
        PaidSoFar before = payments.paidSoFar(appointment);
        assertEquals(0, before.version());
        PaymentRecord one = paymentTo(appointment, Samples.unique("claim"), 15000),
                two = paymentTo(appointment, Samples.unique("claim"), 7500);
        assertEquals(Recorded.RECORDED, payments.record(one, before));
        assertEquals(Recorded.PAID_SINCE, payments.record(two, before));
        assertTrue(payments.forClaim(two.claimId()).isEmpty(), "nothing written");
        PaidSoFar after = payments.paidSoFar(appointment);
        assertEquals(List.of(one), after.payments());
        assertEquals(Recorded.RECORDED, payments.record(two, after));
        assertEquals(
                Recorded.ALREADY_RECORDED, payments.record(two, payments.paidSoFar(appointment)));
        assertEquals(2, payments.paidSoFar(appointment).version());
    }

    /** The ledger item holds only claim ids and a version, is in no index, and DynamoDB deletes it in time. */
    @Test
    void thePartnersLedgerIsInNoIndexAndExpires() {
        String appointment = Samples.unique("appt");
        PaymentRecord one = paymentTo(appointment, Samples.unique("claim"), 15000);
        assertEquals(Recorded.RECORDED, payments.record(one, payments.paidSoFar(appointment)));
        var ledger =
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("PaymentsTable"))
                                                .key(
                                                        org.involve.adapters.internal.Items.key(
                                                                "claimId",
                                                                DynamoPayments.ledgerKey(
                                                                        appointment)))
                                                .consistentRead(true))
                        .item();
        assertEquals(
                java.util.Set.of("claimId", "claimIds", "version", "expiresAtEpoch"),
                ledger.keySet());
        assertTrue(
                Long.parseLong(ledger.get("expiresAtEpoch").n())
                        > one.calculatedAt()
                                .plus(java.time.Duration.ofDays(7 * 366))
                                .getEpochSecond());
        assertEquals(List.of(one), payments.forAppointment(appointment));
    }

    @Test
    void aPaymentIsStoredAndReadBack() {
        String claim = Samples.unique("claim");
        assertTrue(payments.forClaim(claim).isEmpty());
        assertTrue(recordOnce(payments, payment(claim, 15000)));
        assertEquals(payment(claim, 15000), payments.forClaim(claim).orElseThrow());
    }

    @Test
    void aPartnersPaymentsAreFoundByTheirAppointment() {
        String appointment = Samples.unique("appt");
        for (int i = 0; i < 3; i++) {
            PaymentRecord p = payment(Samples.unique("claim"), 7500);
            assertTrue(
                    recordOnce(
                            payments,
                            new PaymentRecord(
                                    p.claimId(),
                                    appointment,
                                    p.roleId(),
                                    p.involvementPence(),
                                    p.days(),
                                    0,
                                    p.expensesPence(),
                                    0,
                                    p.firstDate(),
                                    p.lastDate(),
                                    Samples.NOW.plusSeconds(i))));
        }
        assertTrue(recordOnce(payments, payment(Samples.unique("claim"), 1)));
        List<PaymentRecord> found = payments.forAppointment(appointment);
        assertEquals(3, found.size());
        assertEquals(Samples.NOW, found.get(0).calculatedAt());
        assertEquals(2, found.get(0).halfDays());
    }

    /**
     * Each payment is in exactly one export, even with two exports running at once; running an export again returns
     * what it had, and a payment calculated later goes into the next export, never into one already made.
     */
    @Test
    void everyPaymentIsInExactlyOneExport() throws Exception {
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String c = Samples.unique("claim");
            claims.add(c);
            assertTrue(recordOnce(payments, payment(c, 100 + i)));
        }
        String march = Samples.unique("export-2027-03"),
                marchAgain = Samples.unique("export-other");
        var pool = Executors.newFixedThreadPool(2);
        List<PaymentRecord> a, b;
        try {
            var fa = pool.submit(() -> payments.export(march, PAID_BY));
            var fb = pool.submit(() -> payments.export(marchAgain, PAID_BY));
            a = fa.get();
            b = fb.get();
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = new ArrayList<>();
        a.forEach(p -> ids.add(p.claimId()));
        b.forEach(p -> ids.add(p.claimId()));
        for (String c : claims)
            assertEquals(1, ids.stream().filter(c::equals).count(), c + " in exactly one export");
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size());

        String late = Samples.unique("claim");
        assertTrue(recordOnce(payments, payment(late, 1)));
        String april = Samples.unique("export-2027-04");
        List<String> next =
                payments.export(april, PAID_BY).stream().map(PaymentRecord::claimId).toList();
        assertTrue(next.contains(late));
        assertTrue(next.stream().noneMatch(claims::contains), "nothing from an earlier export");
        assertEquals(
                next,
                payments.export(april, PAID_BY).stream().map(PaymentRecord::claimId).toList());
    }

    /**
     * Tax law counts the 6 years from the end of the tax year a payment was paid in: one calculated on 30 March 2027
     * (tax year 2026-27) and paid in the April 2027 payroll is kept from 6 April 2028, not 6 April 2027.
     */
    @Test
    void aPaymentsRetentionClockRunsFromTheTaxYearItIsPaidIn() {
        String claim = Samples.unique("claim");
        PaymentRecord calculated =
                new PaymentRecord(
                        claim,
                        "appt-1",
                        "scg",
                        7500,
                        List.of(),
                        0,
                        0,
                        0,
                        LocalDate.of(2027, 3, 29),
                        LocalDate.of(2027, 3, 29),
                        java.time.Instant.parse("2027-03-30T10:00:00Z"));
        assertTrue(recordOnce(payments, calculated));
        assertEquals("2027-04-06", retentionFrom(claim));
        payments.export(Samples.unique("export-2027-04"), LocalDate.of(2027, 4, 30));
        assertEquals("2028-04-06", retentionFrom(claim));
    }

    private String retentionFrom(String claimId) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("PaymentsTable"))
                                        .key(
                                                java.util.Map.of(
                                                        "claimId",
                                                        software.amazon.awssdk.services.dynamodb
                                                                .model.AttributeValue.fromS(
                                                                claimId)))
                                        .consistentRead(true))
                .item()
                .get(DynamoRetention.RETENTION_FROM)
                .s();
    }

    /** SnapStart priming: the put is built, marshalled and answered offline, and the table never sees it. */
    @Test
    void aRehearsalRecordsNothing() {
        String claim = Samples.unique("claim");
        assertTrue(payments.rehearse(payment(claim, 15000)), "the put was answered offline");
        assertTrue(payments.forClaim(claim).isEmpty(), "the rehearsal recorded the payment");
        assertTrue(recordOnce(payments, payment(claim, 15000)), "the claim is still unrecorded");
    }

    @Test
    void aClaimIsRecordedOnceEvenWhenEightWritesRace() throws Exception {
        String claim = Samples.unique("claim");
        List<Callable<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long pence = 15000 + i; // which write wins shows in the amount kept
            writes.add(() -> recordOnce(payments, payment(claim, pence)));
        }
        var pool = Executors.newFixedThreadPool(8);
        long wins = 0;
        try {
            for (var f : pool.invokeAll(writes)) if (f.get()) wins++;
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, wins);
        long kept = payments.forClaim(claim).orElseThrow().involvementPence();
        assertTrue(kept >= 15000 && kept < 15008);
        assertEquals(false, recordOnce(payments, payment(claim, 1)));
        assertEquals(kept, payments.forClaim(claim).orElseThrow().involvementPence());
    }
}
