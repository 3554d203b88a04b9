package org.involve.adapters;

import static org.involve.adapters.DynamoApplicationStore.ACK_OUTSTANDING;
import static org.involve.adapters.DynamoApplicationStore.OUTSTANDING;
import static org.involve.adapters.DynamoApplicationStore.UNACKNOWLEDGED_BY_SUBMITTED_TIME;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.OutstandingAcknowledgements;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Applications still waiting for their acknowledgement, from the sparse UnacknowledgedBySubmittedTime index of the
 * ApplicationsTable: only unacknowledged applications carry its key, so a query costs what is outstanding, not
 * everything ever received.
 */
final class DynamoOutstandingAcknowledgements implements OutstandingAcknowledgements {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoOutstandingAcknowledgements(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Application> submittedBy(Instant submittedBy) {
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(UNACKNOWLEDGED_BY_SUBMITTED_TIME)
                        .keyConditionExpression(
                                ACK_OUTSTANDING + " = :outstanding AND submittedAt <= :by")
                        .expressionAttributeValues(
                                Map.of(":outstanding", s(OUTSTANDING), ":by", time(submittedBy)))
                        .scanIndexForward(true)
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .map(DynamoApplicationStore::application)
                .toList();
    }

    /** Staff acknowledged the application themselves (by telephone or post): it stops being chased. */
    public void acknowledged(String roleId, String applicantKey, Instant at) {
        try {
            dynamo.updateItem(
                    DynamoApplicationStore.acknowledged(
                            table, DynamoApplicationStore.key(roleId, applicantKey), at));
        } catch (ConditionalCheckFailedException alreadyAcknowledged) {
            // Acknowledged before (or no such application): nothing to change.
        }
    }
}
