package org.involve.adapters;

import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringCodes;
import org.involve.core.monitoring.MonitoringResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The MonitoringCodesTable: one item per application's short code, under the code's HMAC ({@code codeId}), holding
 * the role, the form link's token, when it expires ({@code expiresAtEpoch}, DynamoDB's time-to-live removes it) and,
 * once used, {@code spentAt}. It names no application and holds nothing the monitoring table holds but the role:
 * the answers' key is worked out from the token only with the monitoring key. The same table counts tries at a code
 * (items {@code tries#<HMAC of the source>#<window>}), which expire with their window.
 */
public final class DynamoMonitoringCodes implements MonitoringCodes {
    static final String ID = "codeId", ROLE = "roleId", TOKEN = "token", SPENT = "spentAt";
    static final String EXPIRES = "expiresAtEpoch", TRIES = "tries";
    private final DynamoDbClient dynamo;
    private final String table;
    private final String monitoringTable;
    private final MonitoringCode codes;
    private final Supplier<DynamoAuditTrail> audit;

    /**
     * @param monitoringTable where answers given with a code are recorded, or null for a function that only issues
     *     codes with applications
     * @param audit asked for only when staff enter answers
     */
    public DynamoMonitoringCodes(
            DynamoDbClient dynamo,
            String table,
            String monitoringTable,
            MonitoringCode codes,
            Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.monitoringTable = monitoringTable;
        this.codes = codes;
        this.audit = audit;
    }

    /**
     * The write that issues an application's code, in the application's transaction. Unconditional: two codes share an
     * HMAC only if they are the same code, which (40 bits) is not expected in a programme's lifetime; the later wins.
     */
    TransactWriteItem issue(Application application) {
        Entry e =
                codes.entryFor(
                        application.roleId(), application.reference(), application.submittedAt());
        return TransactWriteItem.builder()
                .put(
                        p ->
                                p.tableName(table)
                                        .item(
                                                Map.of(
                                                        ID,
                                                        s(e.codeId()),
                                                        ROLE,
                                                        s(e.roleId()),
                                                        TOKEN,
                                                        s(e.token()),
                                                        EXPIRES,
                                                        n(e.expiresAt().getEpochSecond()))))
                .build();
    }

    @Override
    public Optional<Entry> find(String codeId) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(Items.key(ID, codeId))
                                                .consistentRead(true))
                        .item();
        if (item == null || item.isEmpty() || item.containsKey(SPENT) || !item.containsKey(TOKEN))
            return Optional.empty();
        return Optional.of(
                new Entry(
                        codeId,
                        string(item, ROLE),
                        string(item, TOKEN),
                        Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES).n()))));
    }

    @Override
    public boolean record(
            MonitoringResponse response, String codeId, Instant at, AuditEntry entry) {
        if (monitoringTable == null)
            throw new IllegalStateException("This function does not record monitoring answers");
        Map<String, AttributeValue> answers =
                response.answers().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(monitoringTable)
                                                .item(
                                                        Map.of(
                                                                DynamoMonitoringStore.ROLE,
                                                                s(response.roleId()),
                                                                DynamoMonitoringStore.KEY,
                                                                s(response.answerKey()),
                                                                "answers",
                                                                AttributeValue.fromM(answers)))
                                                .conditionExpression("attribute_not_exists(#key)")
                                                .expressionAttributeNames(
                                                        Map.of("#key", DynamoMonitoringStore.KEY)))
                        .build());
        writes.add(
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(Items.key(ID, codeId))
                                                .updateExpression("SET #spent = :at")
                                                .conditionExpression(
                                                        "attribute_exists(#token) AND attribute_not_exists(#spent)")
                                                .expressionAttributeNames(
                                                        Map.of("#spent", SPENT, "#token", TOKEN))
                                                .expressionAttributeValues(Map.of(":at", time(at))))
                        .build());
        if (entry != null) writes.add(audit.get().putNew(entry));
        try {
            Transactions.write(dynamo, writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (!Items.anyConditionFailed(e)) throw e;
            return false;
        }
    }

    @Override
    public boolean tryFrom(String source, Instant at, int limit) {
        long window = at.getEpochSecond() / (60L * MonitoringByCode.WINDOW_MINUTES);
        long ends = (window + 1) * 60L * MonitoringByCode.WINDOW_MINUTES;
        try {
            dynamo.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(Items.key(ID, TRIES + "#" + source + "#" + window))
                                    .updateExpression("ADD #tries :one SET #expires = :ends")
                                    .conditionExpression(
                                            "attribute_not_exists(#tries) OR #tries < :limit")
                                    .expressionAttributeNames(
                                            Map.of("#tries", TRIES, "#expires", EXPIRES))
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":one", n(1), ":ends", n(ends), ":limit",
                                                    n(limit))));
            return true;
        } catch (ConditionalCheckFailedException tooMany) {
            return false;
        }
    }
}
