package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.payroll.PayrollExport;
import org.involve.core.payroll.PayrollExports;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The PayrollExportsTable: one item per payroll month. A run making the month's export holds the item ({@code exportStage}
 * making, its {@code runId} and {@code leaseUntil}); the finished export replaces it, on condition the same run still
 * holds it, with {@code exportStage} made and {@code listed}, which puts it in the sparse Made index the finance page reads.
 * Marking it paid is a put on condition of the version read, with its audit entry and the statements in one
 * transaction.
 */
public final class DynamoPayrollExports implements PayrollExports {
    static final String MAKING = "making", MADE = "made", LISTED = "exports";

    /** A transaction holds at most 100 writes: the export, its audit entry and up to this many statements. */
    static final int STATEMENTS_IN_TRANSACTION = 98;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final Supplier<DynamoAuditTrail> audit;

    public DynamoPayrollExports(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public Optional<PayrollExport> find(String exportId) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("exportId", exportId))
                                                .consistentRead(true))
                        .item();
        if (item == null || !item.containsKey("data")) return Optional.empty();
        return Optional.of(Json.read(item.get("data").s(), PayrollExport.class));
    }

    @Override
    public List<PayrollExport> all() {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName("Made")
                                        .keyConditionExpression("listed = :l")
                                        .expressionAttributeValues(Map.of(":l", s(LISTED)))
                                        .scanIndexForward(false))
                .items()
                .stream()
                .map(i -> Json.read(i.get("data").s(), PayrollExport.class))
                .toList();
    }

    @Override
    public boolean begin(String exportId, String run, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key("exportId", exportId));
        item.put("exportStage", s(MAKING));
        item.put("runId", s(run));
        item.put("leaseUntil", Items.time(leaseUntil));
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item)
                                    .conditionExpression(
                                            "attribute_not_exists(exportId) OR (exportStage = :making AND leaseUntil < :now)")
                                    .expressionAttributeValues(
                                            Map.of(":making", s(MAKING), ":now", Items.time(now))));
            return true;
        } catch (ConditionalCheckFailedException madeOrHeld) {
            return false;
        }
    }

    @Override
    public void release(String exportId, String run) {
        // The hold stays, its lease already passed, so the next run takes it (functions here may
        // not delete).
        Map<String, AttributeValue> item = new HashMap<>(key("exportId", exportId));
        item.put("exportStage", s(MAKING));
        item.put("runId", s(run));
        item.put("leaseUntil", Items.time(Instant.EPOCH));
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item)
                                    .conditionExpression("exportStage = :making AND runId = :run")
                                    .expressionAttributeValues(
                                            Map.of(":making", s(MAKING), ":run", s(run))));
        } catch (ConditionalCheckFailedException notOurs) {
            // another run took it over: it is that run's to finish
        }
    }

    @Override
    public boolean create(
            PayrollExport export, String run, AuditEntry entry, OutboxMessage toFinance) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                Items.put(
                        table,
                        item(export),
                        "exportStage = :making AND runId = :run",
                        Map.of(":making", s(MAKING), ":run", s(run))));
        writes.add(audit.get().putNew(entry));
        writes.add(outbox.putNew(toFinance));
        return commit(writes);
    }

    @Override
    public boolean markPaid(
            PayrollExport before,
            PayrollExport after,
            AuditEntry entry,
            List<OutboxMessage> statements) {
        if (!after.id().equals(before.id()) || after.version() != before.version() + 1)
            throw new IllegalArgumentException("A change is the next version of the same export");
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                Items.put(
                        table,
                        item(after),
                        "exportStage = :made AND version = :v",
                        Map.of(":made", s(MADE), ":v", Items.n(before.version()))));
        writes.add(audit.get().putNew(entry));
        int inTransaction = Math.min(statements.size(), STATEMENTS_IN_TRANSACTION);
        statements.subList(0, inTransaction).forEach(m -> writes.add(outbox.putNew(m)));
        if (!commit(writes)) return false;
        // More partners than one transaction holds: the rest are written now, each once by its id.
        statements.subList(inTransaction, statements.size()).forEach(outbox::addOnce);
        return true;
    }

    private boolean commit(List<TransactWriteItem> writes) {
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return false;
            throw e;
        } catch (Busy e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> item(PayrollExport e) {
        Map<String, AttributeValue> item = new HashMap<>(key("exportId", e.id()));
        item.put("exportStage", s(MADE));
        item.put("listed", s(LISTED));
        item.put("version", Items.n(e.version()));
        item.put("data", s(Json.write(e)));
        return item;
    }
}
