package org.involve.adapters;

import static org.involve.adapters.DynamoApplicationStore.AWAITED;
import static org.involve.adapters.DynamoApplicationStore.AWAITING_OUTCOME_BY_ROLE;
import static org.involve.adapters.DynamoApplicationStore.OUTCOME_AWAITED;
import static org.involve.adapters.internal.Items.s;

import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.outcomes.AwaitingOutcomes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Applications whose applicant has not heard their outcome, one role at a time, from the sparse AwaitingOutcomeByRole
 * index of the ApplicationsTable: keyed by the role id and {@value DynamoApplicationStore#OUTCOME_AWAITED}, which
 * only those awaiting carry (set at submission, removed by the step that tells them). So a query reads the role's
 * applicants still to hear and nothing else: not those who have heard, not other roles' (in rounds still open too).
 * Applications stored before the index existed carry the same attribute, so they are in it with no backfill.
 */
final class DynamoAwaitingOutcomes implements AwaitingOutcomes {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoAwaitingOutcomes(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Application> awaitingOutcome(String roleId) {
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(AWAITING_OUTCOME_BY_ROLE)
                        .keyConditionExpression(
                                "roleId = :role AND " + OUTCOME_AWAITED + " = :awaited")
                        .expressionAttributeValues(
                                Map.of(":role", s(roleId), ":awaited", s(AWAITED)))
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .map(DynamoApplicationStore::application)
                .toList();
    }
}
