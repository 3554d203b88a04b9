package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.adapters.internal.Items;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditHistory;
import org.involve.core.audit.AuditPage;
import org.involve.core.audit.AuditTrail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The AuditTable: one item per entry, keyed by the record it is about ({@code recordId}) and {@code entryKey},
 * the time in the fixed-width sortable form then a digest of the entry, so a record's trail reads in time order.
 * Append-only: every write is a put on condition that no item has the key, and nothing here updates or deletes
 * (the template's policies grant PutItem on the table and nothing else that writes).
 */
public final class DynamoAuditTrail implements AuditTrail, AuditHistory {
    static final String RECORD_ID = "recordId", ENTRY_KEY = "entryKey";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditTrail(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void append(AuditEntry entry) {
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item(entry))
                                    .conditionExpression(
                                            "attribute_not_exists(" + RECORD_ID + ")"));
        } catch (ConditionalCheckFailedException sameEntryAlreadyThere) {
            // The key is the entry's time and content: only this very entry has it (an SDK retry of
            // a put that landed).
        }
    }

    /** The entry as part of the transaction that makes the change it records. */
    TransactWriteItem putNew(AuditEntry entry) {
        return TransactWriteItem.builder()
                .put(
                        p ->
                                p.tableName(table)
                                        .item(item(entry))
                                        .conditionExpression(
                                                "attribute_not_exists(" + RECORD_ID + ")"))
                .build();
    }

    /** Every entry about one record ("role:scg-member"), oldest first. */
    @Override
    public List<AuditEntry> trailOf(String record) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .keyConditionExpression(RECORD_ID + " = :record")
                                        .expressionAttributeValues(Map.of(":record", s(record)))
                                        .consistentRead(true)
                                        .scanIndexForward(true))
                .items()
                .stream()
                .map(DynamoAuditTrail::entry)
                .toList();
    }

    /** A page of one record's entries, newest first; the next page starts after the last entry's key. */
    @Override
    public AuditPage newestFirst(String record, String after, int size) {
        // One more than a page, so a next page is offered only when there is one.
        List<Map<String, AttributeValue>> items =
                dynamo.query(
                                r -> {
                                    r.tableName(table)
                                            .keyConditionExpression(RECORD_ID + " = :record")
                                            .expressionAttributeValues(Map.of(":record", s(record)))
                                            .consistentRead(true)
                                            .scanIndexForward(false)
                                            .limit(size + 1);
                                    if (after != null)
                                        r.exclusiveStartKey(
                                                Map.of(RECORD_ID, s(record), ENTRY_KEY, s(after)));
                                })
                        .items();
        List<Map<String, AttributeValue>> shown = items.subList(0, Math.min(size, items.size()));
        List<AuditEntry> entries = shown.stream().map(DynamoAuditTrail::entry).toList();
        String next = items.size() > size ? shown.get(size - 1).get(ENTRY_KEY).s() : null;
        return new AuditPage(entries, next);
    }

    static String entryKey(AuditEntry e) {
        return Items.sortable(e.when())
                + "#"
                + Items.digest(
                        e.who() + "\n" + e.what() + "\n" + e.fromState() + "\n" + e.toState(), 8);
    }

    private static Map<String, AttributeValue> item(AuditEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(RECORD_ID, s(e.record()));
        item.put(ENTRY_KEY, s(entryKey(e)));
        item.put("who", s(e.who()));
        item.put("what", s(e.what()));
        item.put("at", time(e.when()));
        if (e.fromState() != null) item.put("fromState", s(e.fromState()));
        item.put("toState", s(e.toState()));
        return item;
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(
                string(item, "who"),
                string(item, "what"),
                string(item, RECORD_ID),
                time(item, "at"),
                string(item, "fromState"),
                string(item, "toState"));
    }
}
