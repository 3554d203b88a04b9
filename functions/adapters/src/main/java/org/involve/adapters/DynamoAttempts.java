package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.n;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.adapters.internal.Items;
import org.involve.core.attempts.Attempts;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts of attempts, one item per key and period in a table that keeps other things too: its key attribute is
 * {@code <prefix><key>} (a prefix with a '#' that none of the table's own ids has, so a cookie or a typed code can
 * never name one), {@code tries} the count, raised by one conditional update that fails at the limit, and {@code
 * expiresAtEpoch} lets DynamoDB's time-to-live remove it after its period. Two tables keep counts, in the same shape
 * as before this class served both: the DraftsTable ({@code draftId = limit#<key>}, see {@link #inDrafts}) and the
 * MonitoringCodesTable ({@code codeId = tries#<source>#<window>}, see {@link #inCodes}).
 */
public final class DynamoAttempts implements Attempts {
    static final String TRIES = "tries", EXPIRES = "expiresAtEpoch";
    private static final String UPDATE = "ADD #tries :one SET #expires = :until";
    private static final String CONDITION = "attribute_not_exists(#tries) OR #tries < :limit";
    private static final Map<String, String> NAMES = Map.of("#tries", TRIES, "#expires", EXPIRES);

    private final DynamoDbClient dynamo;
    private final String table;
    private final String keyAttribute;
    private final String prefix;
    private final DynamoOutbox outbox;

    /** @param outbox for {@link #takeWithMail}, or null where no e-mail is sent with a count */
    DynamoAttempts(
            DynamoDbClient dynamo,
            String table,
            String keyAttribute,
            String prefix,
            DynamoOutbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.keyAttribute = keyAttribute;
        this.prefix = prefix;
        this.outbox = outbox;
    }

    /** The public journey's counts (e-mails asked for, applications per client, acknowledgements per address). */
    public static DynamoAttempts inDrafts(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox) {
        return new DynamoAttempts(dynamo, table, "draftId", "limit#", outbox);
    }

    /** Tries at a short code, in the short codes' table; they send no e-mail. */
    public static DynamoAttempts inCodes(DynamoDbClient dynamo, String table) {
        return new DynamoAttempts(dynamo, table, DynamoMonitoringCodes.ID, "tries#", null);
    }

    @Override
    public boolean take(String key, int limit, Instant until) {
        try {
            dynamo.updateItem(
                    u ->
                            u.tableName(table)
                                    .key(key(keyAttribute, itemId(key)))
                                    .updateExpression(UPDATE)
                                    .conditionExpression(CONDITION)
                                    .expressionAttributeNames(NAMES)
                                    .expressionAttributeValues(values(limit, until)));
            return true;
        } catch (ConditionalCheckFailedException atLimit) {
            return false;
        }
    }

    @Override
    public boolean takeWithMail(String key, int limit, Instant until, OutboxMessage message) {
        if (outbox == null)
            throw new IllegalStateException("These counts are kept without e-mails");
        TransactWriteItem count =
                TransactWriteItem.builder()
                        .update(
                                Update.builder()
                                        .tableName(table)
                                        .key(key(keyAttribute, itemId(key)))
                                        .updateExpression(UPDATE)
                                        .conditionExpression(CONDITION)
                                        .expressionAttributeNames(NAMES)
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

    private static Map<String, AttributeValue> values(int limit, Instant until) {
        return Map.of(":one", n(1), ":limit", n(limit), ":until", n(until.getEpochSecond()));
    }

    /** The stored id of a key's count. */
    String itemId(String key) {
        return prefix + key;
    }
}
