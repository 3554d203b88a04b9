package org.involve.adapters;

import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.involve.core.links.UsedLinks;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The UsedLinksTable: one item per used one-use link, put on condition that none exists, so only one use wins.
 * A marker only has to outlive its link (a used link past its expiry is refused as expired anyway), so DynamoDB's
 * time-to-live removes it after {@link #KEPT}; links are issued for far less.
 */
public final class DynamoUsedLinks implements UsedLinks {
    static final Duration KEPT = Duration.ofDays(400);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUsedLinks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean markUsed(String tokenId, Instant now) {
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item(tokenId, now))
                                    .conditionExpression("attribute_not_exists(tokenId)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyUsed) {
            return false;
        }
    }

    /**
     * Using the link as one write of the transaction that stores what it was used for, so a link is never spent on
     * something that was not saved. The transaction fails (TransactionCanceledException, this write's condition)
     * when the link was used already.
     */
    public TransactWriteItem markUsedWith(String tokenId, Instant now) {
        return TransactWriteItem.builder()
                .put(
                        p ->
                                p.tableName(table)
                                        .item(item(tokenId, now))
                                        .conditionExpression("attribute_not_exists(tokenId)"))
                .build();
    }

    private static Map<String, AttributeValue> item(String tokenId, Instant now) {
        return Map.of(
                "tokenId",
                s(tokenId),
                "usedAt",
                time(now),
                "expiresAtEpoch",
                n(now.plus(KEPT).getEpochSecond()));
    }
}
