package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoMonitoringRetention;
import org.involve.adapters.DynamoPaymentRetention;
import org.involve.adapters.DynamoRetention;
import org.involve.core.retention.RetentionJob;
import org.involve.core.shortlisting.AnonymousIds;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The retention job's beans: its adapters over the tables it deletes from, and the job with the Retention* settings and
 * the anonymous ids (staff/ShortlistingFactory's, as the closing job made them) to find an applicant's shortlisting
 * papers.
 */
@Factory
public class RetentionFactory {
    @Singleton
    DynamoRetention retentionRecords(
            DynamoDbClient db, DynamoAuditTrail audit, InvolveSettings settings) {
        return new DynamoRetention(
                db,
                settings.applicationsTable(),
                settings.referencesTable(),
                settings.interviewSlotsTable(),
                settings.shortlistingTable(),
                settings.partnersTable(),
                settings.outboxTable(),
                settings.meetingsTable(),
                audit);
    }

    /** A role's monitoring answers, deleted all together by key, without the monitoring key. */
    @Singleton
    DynamoMonitoringRetention monitoringRetention(
            DynamoDbClient db, DynamoAuditTrail audit, InvolveSettings settings) {
        return new DynamoMonitoringRetention(
                db, settings.rolesTable(), settings.monitoringTable(), audit);
    }

    /** Payment records with their claims, once tax law no longer needs them. */
    @Singleton
    DynamoPaymentRetention paymentRetention(
            DynamoDbClient db,
            DynamoAuditTrail audit,
            io.micronaut.context.BeanProvider<org.involve.core.payments.Receipts> receipts,
            InvolveSettings settings) {
        return new DynamoPaymentRetention(
                db, settings.paymentsTable(), settings.claimsTable(), audit, receipts::get);
    }

    @Singleton
    RetentionJob retentionJob(
            DynamoRetention records,
            DynamoMonitoringRetention monitoring,
            DynamoPaymentRetention payments,
            AnonymousIds anonymousIds,
            InvolveSettings settings) {
        return new RetentionJob(records, settings.retention(), anonymousIds, monitoring, payments);
    }
}
