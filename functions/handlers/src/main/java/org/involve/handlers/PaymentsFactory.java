package org.involve.handlers;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.involve.adapters.AwsClients;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoClaims;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoPayments;
import org.involve.adapters.PaymentBatch;
import org.involve.adapters.S3Receipts;
import org.involve.adapters.SqsPaymentsQueue;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.payments.AttendanceClaims;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.ClaimMaking;
import org.involve.core.payments.PaymentCalculator;
import org.involve.core.payments.PaymentLetters;
import org.involve.core.payments.Receipts;
import org.involve.core.role.RoleReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The payments area's beans: the payments table, the calculator (mileage at the settings' rates) and its batches. */
@Factory
public class PaymentsFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsFactory.class);

    @Singleton
    DynamoPayments payments(DynamoDbClient db, InvolveSettings settings) {
        return new DynamoPayments(db, settings.paymentsTable());
    }

    /** The SQS client is built, and the queue's address read, on the first send. */
    @Singleton
    SqsPaymentsQueue paymentsQueue(BeanProvider<SqsClient> sqs, InvolveSettings settings) {
        return new SqsPaymentsQueue(
                sqs::get, settings::paymentsQueueUrl, LogContext::correlationId);
    }

    @Singleton
    DynamoClaims claims(
            DynamoDbClient db,
            DynamoOutbox outbox,
            BeanProvider<DynamoAuditTrail> audit,
            SqsPaymentsQueue queue,
            InvolveSettings settings) {
        return new DynamoClaims(db, settings.claimsTable(), outbox, audit::get, queue, LOG::warn);
    }

    /** The receipts bucket; its S3 calls (signed REST) are set up with it, on first use. */
    @Singleton
    Receipts receipts(InvolveSettings settings, Clock clock) {
        return new S3Receipts(
                AwsClients.s3(), settings.receiptsBucket(), settings.siteUrl(), clock);
    }

    /** A partner's claims take receipts; staff making one for a partner use {@link ClaimMaking#withoutReceipts}. */
    @Singleton
    ClaimMaking claimMaking(DynamoClaims claims, Receipts receipts, Clock clock) {
        return new ClaimMaking(claims, receipts, clock, () -> UUID.randomUUID().toString());
    }

    /** Attendance recorded with hours makes the meeting's involvement claim (the staff meetings pages). */
    @Singleton
    AttendanceClaims attendanceClaims(DynamoClaims claims, Clock clock) {
        return new AttendanceClaims(claims, clock);
    }

    @Singleton
    ClaimDesk claimDesk(
            DynamoClaims claims,
            DynamoPayments payments,
            PartnerRecords partners,
            RoleReader roles,
            PartnerLetters letters,
            InvolveSettings settings,
            Clock clock) {
        return new ClaimDesk(
                claims,
                payments,
                partners,
                roles,
                new PaymentLetters(letters),
                settings.mileageRates(),
                settings.paymentGuideline(),
                clock);
    }

    @Singleton
    PaymentCalculator paymentCalculator(
            DynamoPayments payments, InvolveSettings settings, Clock clock) {
        return new PaymentCalculator(payments, settings.mileageRates(), clock);
    }

    @Singleton
    PaymentBatch paymentBatch(PaymentCalculator calculator) {
        return new PaymentBatch(calculator, LOG::warn);
    }
}
