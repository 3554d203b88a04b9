package org.involve.adapters;

import static org.involve.adapters.DynamoApplicationStore.AWAITED;
import static org.involve.adapters.DynamoApplicationStore.AWAITING_OUTCOME_BY_SUBMITTED_TIME;
import static org.involve.adapters.DynamoApplicationStore.OUTCOME_AWAITED;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.outcomes.AwaitingOutcomes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Applications whose applicant has not heard their outcome, from the sparse AwaitingOutcomeBySubmittedTime index of the
 * ApplicationsTable: only those carry its key (set at submission, removed by the step that tells them), so a query
 * costs what is awaited, not every application ever received.
 */
final class DynamoAwaitingOutcomes implements AwaitingOutcomes {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoAwaitingOutcomes(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Application> awaitingOutcome(Instant by) {
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(AWAITING_OUTCOME_BY_SUBMITTED_TIME)
                        .keyConditionExpression(
                                OUTCOME_AWAITED + " = :awaited AND submittedAt <= :by")
                        .expressionAttributeValues(Map.of(":awaited", s(AWAITED), ":by", time(by)))
                        .scanIndexForward(true)
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .map(DynamoApplicationStore::application)
                .toList();
    }
}
