package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.WaitingForStaff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The talk-first and support queues from their sparse indexes of the ApplicationsTable: only an application held to
 * talk first carries {@value DynamoApplicationStore#TALK_FIRST_HELD} (index
 * {@value DynamoApplicationStore#HELD_TO_TALK_FIRST_BY_SUBMITTED_TIME}), only one asking for support not yet done
 * carries {@value DynamoApplicationStore#SUPPORT_WAITING} (index
 * {@value DynamoApplicationStore#SUPPORT_WAITING_BY_SUBMITTED_TIME}); each is set when the application is stored and
 * removed by the round step that takes it out ({@link DynamoRoundApplications#step}). A query costs what is waiting.
 */
final class DynamoWaitingForStaff implements WaitingForStaff {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoWaitingForStaff(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Application> heldToTalkFirst() {
        return query(
                DynamoApplicationStore.HELD_TO_TALK_FIRST_BY_SUBMITTED_TIME,
                DynamoApplicationStore.TALK_FIRST_HELD,
                DynamoApplicationStore.HELD);
    }

    @Override
    public List<Application> supportNotDone() {
        return query(
                DynamoApplicationStore.SUPPORT_WAITING_BY_SUBMITTED_TIME,
                DynamoApplicationStore.SUPPORT_WAITING,
                DynamoApplicationStore.WAITING);
    }

    private List<Application> query(String index, String attribute, String value) {
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(index)
                        .keyConditionExpression("#w = :w")
                        .expressionAttributeNames(Map.of("#w", attribute))
                        .expressionAttributeValues(Map.of(":w", s(value)))
                        .scanIndexForward(true)
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .map(DynamoApplicationStore::application)
                .toList();
    }
}
