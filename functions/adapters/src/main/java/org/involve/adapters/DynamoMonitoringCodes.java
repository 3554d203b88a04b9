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
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringCodes;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The MonitoringCodesTable: one item per application's short code, under the code's HMAC ({@code codeId}), holding
 * the role, the form link's token, when it expires ({@code expiresAtEpoch}, DynamoDB's time-to-live removes it) and,
 * once used, {@code spentAt}. It names no application and holds nothing the monitoring table holds but the role:
 * the answers' key is worked out from the token only with the monitoring key. The same table keeps the counts of tries
 * at a code ({@link DynamoAttempts#inCodes}).
 */
public final class DynamoMonitoringCodes implements MonitoringCodes {
    static final String ID = "codeId", ROLE = "roleId", TOKEN = "token", SPENT = "spentAt";
    static final String EXPIRES = "expiresAtEpoch";
    private final DynamoDbClient dynamo;
    private final String table;
    private final String monitoringTable;
    private final String rolesTable;
    private final MonitoringCode codes;
    private final Supplier<DynamoAuditTrail> audit;

    /**
     * @param monitoringTable where answers given with a code are recorded, or null for a function that only issues
     *     codes with applications
     * @param rolesTable where the role's status is checked as the answers are recorded (its round must not be over)
     * @param audit asked for only when staff enter answers
     */
    public DynamoMonitoringCodes(
            DynamoDbClient dynamo,
            String table,
            String monitoringTable,
            String rolesTable,
            MonitoringCode codes,
            Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.monitoringTable = monitoringTable;
        this.rolesTable = rolesTable;
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

    /**
     * The answers' writes as through the link ({@link DynamoMonitoringStore#writes}: the put and the checks that the
     * form is still open for the role), the code's spending and the audit entry, in one transaction.
     */
    @Override
    public MonitoringStore.Outcome record(
            MonitoringResponse response, String codeId, Instant at, AuditEntry entry) {
        if (monitoringTable == null)
            throw new IllegalStateException("This function does not record monitoring answers");
        List<TransactWriteItem> writes =
                new ArrayList<>(
                        DynamoMonitoringStore.writes(monitoringTable, rolesTable, response));
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
            return MonitoringStore.Outcome.RECORDED;
        } catch (TransactionCanceledException e) {
            return DynamoMonitoringStore.refused(e, 0);
        }
    }
}
