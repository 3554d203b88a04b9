package org.involve.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.OutcomeRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Outcome facts in the ApplicationsTable's {@code progress} map, written with their audit entry and outbox messages in
 * one transaction, on condition the fact is not there yet: a second "send" or "done" writes nothing.
 */
final class DynamoOutcomeRecords implements OutcomeRecords {
    private final DynamoDbClient dynamo;
    private final DynamoRoundApplications round;
    private final DynamoOutbox outbox;
    private final Supplier<DynamoAuditTrail> audit;

    DynamoOutcomeRecords(
            DynamoDbClient dynamo,
            DynamoRoundApplications round,
            DynamoOutbox outbox,
            DynamoAuditTrail audit) {
        this(dynamo, round, outbox, () -> audit);
    }

    DynamoOutcomeRecords(
            DynamoDbClient dynamo,
            DynamoRoundApplications round,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.round = round;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public boolean recordOnce(
            Application current,
            String unlessRecorded,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(round.step(current, current.status(), facts, unlessRecorded));
        writes.add(audit.get().putNew(entry));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e))
                return false; // recorded already: this call writes nothing
            throw e;
        } catch (Busy e) {
            return false; // being recorded by someone else this moment, even after trying again
        }
    }
}
