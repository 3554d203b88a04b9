package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Equal-opportunities answers in the MonitoringTable, keyed by the role and a key only the monitoring key can work out
 * from an application ({@code MonitoringKey}). Write-only by design: the form's policy allows PutItem (and
 * ConditionCheckItem on the keys alone) and nothing else, so this class never reads. Answers are a map attribute so
 * the report can count them without parsing. No time is stored: when answers came could be matched to when an
 * application came.
 *
 * <p>The put is one transaction with two checks, so no answers are kept without a clock: the role is there and its
 * round is not over ({@link DynamoRoles#roundNotOver}: the clock of a role's answers starts when it is filled or
 * withdrawn), and the retention job has not deleted its answers ({@link DynamoMonitoringRetention#answersNotDeleted}).
 */
public final class DynamoMonitoringStore implements MonitoringStore {
    static final String ROLE = "roleId", KEY = "answerKey";
    private static final int ANSWERS = 0;
    private final DynamoDbClient dynamo;
    private final String table;
    private final String rolesTable;

    /** @param rolesTable where the role's status is checked in the write (its round must not be over) */
    public DynamoMonitoringStore(DynamoDbClient dynamo, String table, String rolesTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.rolesTable = rolesTable;
    }

    @Override
    public Outcome record(MonitoringResponse response) {
        try {
            Transactions.write(dynamo, writes(table, rolesTable, response), null);
            return Outcome.RECORDED;
        } catch (TransactionCanceledException e) {
            return refused(e, ANSWERS);
        }
    }

    /**
     * The put of the answers (unless answers are kept under their key), then the checks that the form is still open for
     * the role: the writes of every way answers come in ({@link DynamoMonitoringCodes} adds its own).
     */
    static List<TransactWriteItem> writes(
            String table, String rolesTable, MonitoringResponse response) {
        Map<String, AttributeValue> answers =
                response.answers().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())));
        TransactWriteItem put =
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(
                                                        Map.of(
                                                                ROLE,
                                                                s(response.roleId()),
                                                                KEY,
                                                                s(response.answerKey()),
                                                                "answers",
                                                                AttributeValue.fromM(answers)))
                                                .conditionExpression("attribute_not_exists(#key)")
                                                .expressionAttributeNames(Map.of("#key", KEY)))
                        .build();
        return List.of(
                put,
                DynamoRoles.roundNotOver(rolesTable, response.roleId()),
                DynamoMonitoringRetention.answersNotDeleted(table, response.roleId()));
    }

    /**
     * Why the transaction of {@link #writes} (at {@code first} in it) was cancelled: the form has closed for the role, or
     * answers were there already (the form's closing is told first: it is the reason nothing more can be given).
     */
    static Outcome refused(TransactionCanceledException e, int first) {
        if (Items.conditionFailed(e, first + 1) || Items.conditionFailed(e, first + 2))
            return Outcome.CLOSED;
        if (Items.anyConditionFailed(e)) return Outcome.ALREADY_RECORDED;
        throw e;
    }
}
