package org.involve.adapters;

import static org.involve.adapters.DynamoApplicationStore.ACKNOWLEDGE;
import static org.involve.adapters.DynamoApplicationStore.PROGRESS;
import static org.involve.adapters.DynamoApplicationStore.STILL_UNACKNOWLEDGED;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationRecords;
import org.involve.core.application.ApplicationStore;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Staff entries and acknowledgements over the ApplicationsTable. An entered application is written exactly as a
 * submitted one (so it dedupes by applicant key and is acknowledged the same way), with its audit entry in the same
 * transaction. Recording an acknowledgement removes {@code ackOutstanding} (it leaves the sparse unacknowledged index),
 * sets {@code acknowledgedAt} and the facts, on condition it was still outstanding, with its audit entry.
 */
final class DynamoApplicationRecords implements ApplicationRecords {
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoApplicationStore store;
    private final Supplier<DynamoAuditTrail> audit;

    DynamoApplicationRecords(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this(dynamo, table, outbox, () -> audit);
    }

    DynamoApplicationRecords(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit) {
        this(dynamo, table, outbox, audit, null);
    }

    /** @param codes the monitoring short codes' table, each entered application's code issued with it */
    DynamoApplicationRecords(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit,
            Supplier<DynamoMonitoringCodes> codes) {
        this.dynamo = dynamo;
        this.table = table;
        this.store = new DynamoApplicationStore(dynamo, table, outbox, null, codes);
        this.audit = audit;
    }

    @Override
    public ApplicationStore.Stored enter(
            Application application, List<OutboxMessage> messages, AuditEntry entry) {
        List<TransactWriteItem> writes = store.newApplication(application, messages);
        writes.add(audit.get().putNew(entry));
        return store.storeOnce(application, writes);
    }

    @Override
    public boolean acknowledged(
            Application application, Instant at, Map<String, String> facts, AuditEntry entry) {
        Map<String, String> names = new HashMap<>(Map.of("#progress", PROGRESS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", time(at)));
        String set = ACKNOWLEDGE + DynamoRoundApplications.factsSet(facts, names, values);
        TransactWriteItem update =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(
                                                        DynamoApplicationStore.key(
                                                                application.roleId(),
                                                                application.applicantKey()))
                                                .updateExpression(set)
                                                .conditionExpression(
                                                        STILL_UNACKNOWLEDGED
                                                                + " AND attribute_exists(#progress)")
                                                .expressionAttributeNames(names)
                                                .expressionAttributeValues(values))
                        .build();
        try {
            Transactions.write(dynamo, List.of(update, audit.get().putNew(entry)), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false;
            throw e;
        }
    }
}
