package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.n;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.adapters.internal.Items;
import org.involve.core.draft.DraftLimits;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts of tries in the DraftsTable, one item per key and period: {@code draftId} is {@code limit#<key>} (a '#' that
 * no draft id has, so a cookie can never name one), {@code tries} the count, raised by one conditional update that
 * fails at the limit, and {@code expiresAtEpoch} lets DynamoDB's time-to-live remove it after its period.
 */
public final class DynamoDraftLimits implements DraftLimits {
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;

    public DynamoDraftLimits(DynamoDbClient dynamo, String table, DynamoOutbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
    }

    @Override
    public boolean take(String key, int limit, Instant until) {
        try {
            dynamo.updateItem(
                    u ->
                            u.tableName(table)
                                    .key(key("draftId", itemId(key)))
                                    .updateExpression(UPDATE)
                                    .conditionExpression(CONDITION)
                                    .expressionAttributeValues(values(limit, until)));
            return true;
        } catch (ConditionalCheckFailedException atLimit) {
            return false;
        }
    }

    @Override
    public boolean takeWithMail(String key, int limit, Instant until, OutboxMessage message) {
        TransactWriteItem count =
                TransactWriteItem.builder()
                        .update(
                                Update.builder()
                                        .tableName(table)
                                        .key(key("draftId", itemId(key)))
                                        .updateExpression(UPDATE)
                                        .conditionExpression(CONDITION)
                                        .expressionAttributeValues(values(limit, until))
                                        .build())
                        .build();
        try {
            outbox.commit(List.of(count, outbox.putNew(message)), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (!Items.firstConditionFailed(e)) throw e;
            return false;
        }
    }

    private static final String UPDATE = "ADD tries :one SET expiresAtEpoch = :until";
    private static final String CONDITION = "attribute_not_exists(tries) OR tries < :limit";

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>
            values(int limit, Instant until) {
        return Map.of(":one", n(1), ":limit", n(limit), ":until", n(until.getEpochSecond()));
    }

    static String itemId(String key) {
        return "limit#" + key;
    }
}
