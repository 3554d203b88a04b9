package org.involve.adapters;

import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;

import java.time.Instant;
import java.util.Map;
import org.involve.core.staff.EndedSessions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The EndedSessionsTable: one item per staff session ended by signing out, keyed by {@code session} (the sign-in
 * token's own id, which names nobody), removed by DynamoDB's time to live once the token would have expired anyway.
 * The check is one strongly consistent GetItem of the key alone, so a sign-out counts from the next request.
 */
public final class DynamoEndedSessions implements EndedSessions {
    static final String SESSION = "session", EXPIRES = "expiresAtEpoch";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEndedSessions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void end(String sessionId, Instant tokenExpires) {
        dynamo.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        Map.of(
                                                SESSION,
                                                s(sessionId),
                                                EXPIRES,
                                                n(tokenExpires.getEpochSecond()))));
    }

    @Override
    public boolean hasEnded(String sessionId) {
        return dynamo.getItem(
                        r ->
                                r.tableName(table)
                                        .key(Map.of(SESSION, s(sessionId)))
                                        .consistentRead(true)
                                        .projectionExpression("#s")
                                        .expressionAttributeNames(Map.of("#s", SESSION)))
                .hasItem();
    }
}
