package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Retention;
import org.involve.core.payments.Guideline;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.retention.MonitoringRetention;
import org.involve.core.retention.RetentionJob;
import org.involve.core.shortlisting.AnonymousIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payment records go, with their claims, 6 years after the end of the UK tax year (6 April to 5 April) they were paid
 * in, found through the PaymentsTable's RetentionByDay index that {@link DynamoPayments#record} puts them in: a
 * payment at 23:30 UTC on 5 April 1981 (00:30 BST on 6 April, the new tax year) goes a year later than one an hour
 * earlier. The query reads only what is due among many that are not. (Records of the early 1980s, so that no other
 * test's are due.)
 */
@ExtendWith(AwsEnvironmentExtension.class)
@org.involve.emulators.LocalS3
class DynamoPaymentRetentionTest {
    private final AwsEnvironment aws;
    private final DynamoPayments payments;
    private final DynamoAuditTrail audit;
    private final DynamoPaymentRetention retention;

    private final S3Receipts receipts;
    private final org.involve.emulators.EmbeddedS3 s3;

    DynamoPaymentRetentionTest(AwsEnvironment aws, org.involve.emulators.EmbeddedS3 s3) {
        this.aws = aws;
        this.s3 = s3;
        this.receipts =
                new S3Receipts(
                        AwsClients.s3(),
                        org.involve.emulators.EmbeddedS3.bucketName("ReceiptsBucket"),
                        "http://localhost:3000/",
                        java.time.Clock.fixed(Samples.NOW, java.time.ZoneOffset.UTC));
        this.payments = new DynamoPayments(aws.dynamo(), aws.table("PaymentsTable"));
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.retention =
                new DynamoPaymentRetention(
                        aws.dynamo(),
                        aws.table("PaymentsTable"),
                        aws.table("ClaimsTable"),
                        audit,
                        () -> receipts);
    }

    /** A payment record made at {@code at}, with its claim; kept out of the payroll exports other tests make. */
    private String paid(Instant at) {
        String claimId = Samples.unique("claim");
        LocalDate day = LocalDate.of(1981, 3, 3);
        assertTrue(
                DynamoPaymentsTest.recordOnce(
                        payments,
                        new PaymentRecord(
                                claimId,
                                "appt-old",
                                "scg",
                                7500,
                                List.of(new Guideline.PaidDay(day, 1)),
                                0,
                                0,
                                0,
                                day,
                                day,
                                at)));
        aws.dynamo()
                .updateItem(
                        r ->
                                r.tableName(aws.table("PaymentsTable"))
                                        .key(Map.of("claimId", s(claimId)))
                                        .updateExpression("REMOVE exportQueue SET exportId = :e")
                                        .expressionAttributeValues(
                                                Map.of(":e", s("export-of-1981"))));
        aws.dynamo()
                .putItem(
                        r ->
                                r.tableName(aws.table("ClaimsTable"))
                                        .item(
                                                Map.of(
                                                        "claimId", s(claimId),
                                                        "appointmentId", s("appt-old"),
                                                        "data", s("{}"))));
        return claimId;
    }

    private boolean exists(String table, String claimId) {
        var item =
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table(table))
                                                .key(Map.of("claimId", s(claimId)))
                                                .consistentRead(true))
                        .item();
        return item != null && !item.isEmpty();
    }

    private RetentionJob job() {
        return new RetentionJob(
                new DynamoRetention(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        aws.table("ReferencesTable"),
                        aws.table("InterviewSlotsTable"),
                        aws.table("ShortlistingTable"),
                        aws.table("PartnersTable"),
                        aws.table("OutboxTable"),
                        aws.table("MeetingsTable"),
                        audit),
                Retention.DEFAULTS,
                new AnonymousIds("a test key of at least thirty-two characters"),
                MonitoringRetention.NONE,
                retention);
    }

    @Test
    void aPaymentGoesSixYearsAfterTheEndOfTheTaxYearItWasPaidInWithItsClaim() {
        String lastOfTheTaxYear = paid(Instant.parse("1981-04-05T22:30:00Z")); // 23:30 BST, 5 April
        String firstOfTheNext = paid(Instant.parse("1981-04-05T23:30:00Z")); // 00:30 BST, 6 April
        List<String> notDue = new ArrayList<>();
        for (int i = 0; i < 10; i++)
            notDue.add(paid(Instant.parse("1982-06-01T10:00:00Z").plusSeconds(86_400L * i)));

        aws.dynamoCalls().clear();
        LocalDate last =
                Retention.DEFAULTS.lastStartDayDue(
                        Retention.Kind.PAYMENTS, LocalDate.of(1987, 4, 6));
        assertEquals(List.of(lastOfTheTaxYear), retention.paymentsDue(last, 500));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoRetention.INDEX, 1)),
                aws.dynamoCalls().calls(),
                "reads only what is due");

        for (String id : List.of(lastOfTheTaxYear, firstOfTheNext))
            s3.client()
                    .putObject(
                            r ->
                                    r.bucket(
                                                    org.involve.emulators.EmbeddedS3.bucketName(
                                                            "ReceiptsBucket"))
                                            .key(id + "/receipt-1"),
                            software.amazon.awssdk.core.sync.RequestBody.fromString(
                                    "%PDF-1.7 receipt"));
        assertEquals(0, job().run(Instant.parse("1987-04-05T02:00:00Z")).payments());
        assertTrue(exists("PaymentsTable", lastOfTheTaxYear));
        assertTrue(
                receipts.look(lastOfTheTaxYear + "/receipt-1").isPresent(),
                "tax evidence until due");
        assertEquals(1, job().run(Instant.parse("1987-04-06T02:00:00Z")).payments());
        assertFalse(exists("PaymentsTable", lastOfTheTaxYear));
        assertFalse(exists("ClaimsTable", lastOfTheTaxYear), "its claim went with it");
        assertTrue(receipts.look(lastOfTheTaxYear + "/receipt-1").isEmpty(), "and its receipts");
        assertTrue(receipts.look(firstOfTheNext + "/receipt-1").isPresent(), "not due: kept");
        assertTrue(
                exists("PaymentsTable", firstOfTheNext),
                "paid in the next tax year: kept a year more");
        assertEquals(0, job().run(Instant.parse("1987-04-06T02:00:00Z")).payments(), "once");
        assertEquals(0, job().run(Instant.parse("1988-04-05T02:00:00Z")).payments());
        assertEquals(1, job().run(Instant.parse("1988-04-06T02:00:00Z")).payments());
        assertFalse(exists("PaymentsTable", firstOfTheNext));
        for (String id : notDue) {
            assertTrue(exists("PaymentsTable", id));
            assertTrue(exists("ClaimsTable", id));
        }
        assertTrue(
                audit.trailOf("claim#" + lastOfTheTaxYear).stream()
                        .anyMatch(e -> e.toState().equals("DELETED")));
    }
}
