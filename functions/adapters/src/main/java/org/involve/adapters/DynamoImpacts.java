package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.impact.ImpactEntry;
import org.involve.core.impact.Impacts;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Impact entries in the MeetingsTable, next to the meetings they come from: {@code impact#<id>} / {@code impact}, the
 * entry as JSON in {@code data} and its {@code revision}. In ByRole ({@code roleId}, {@code roleSort} = {@code
 * impact#<day>#<id>}) for a group's entries and those between two days; while not yet sent to partners, also in the
 * sparse UnsentImpactByRole ({@code impactUnsent} = the role id, {@code impactQueued} = when recorded), so sending reads
 * only the unsent ones. Each write is one transaction with its audit entries and e-mails; a failed condition answers
 * false (nothing written), and a write still contended after retrying is {@code kit.Busy} (the "try again" page).
 */
public final class DynamoImpacts implements Impacts {
    static final String UNSENT = "UnsentImpactByRole", BY_ROLE = DynamoMeetings.BY_ROLE;
    private static final String IMPACT = "impact";
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoImpacts(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public Optional<ImpactEntry> find(String entryId) {
        var item =
                dynamo.getItem(r -> r.tableName(table).key(key(entryId)).consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public List<ImpactEntry> forRole(String roleId) {
        return query(
                        BY_ROLE,
                        "roleId = :r AND begins_with(roleSort, :i)",
                        Map.of(":r", s(roleId), ":i", s(IMPACT + "#")))
                .stream()
                .map(DynamoImpacts::read)
                .sorted(
                        Comparator.comparing(ImpactEntry::day)
                                .thenComparing(ImpactEntry::recordedAt)
                                .reversed())
                .toList();
    }

    @Override
    public List<ImpactEntry> between(String roleId, LocalDate from, LocalDate to) {
        return query(BY_ROLE, BETWEEN, betweenValues(roleId, from, to)).stream()
                .map(DynamoImpacts::read)
                .sorted(
                        Comparator.comparing(ImpactEntry::day)
                                .thenComparing(ImpactEntry::recordedAt))
                .toList();
    }

    @Override
    public int countBetween(String roleId, LocalDate from, LocalDate to) {
        Map<String, AttributeValue> values = betweenValues(roleId, from, to);
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(BY_ROLE)
                                        .select(Select.COUNT)
                                        .keyConditionExpression(BETWEEN)
                                        .expressionAttributeValues(values))
                .stream()
                .mapToInt(page -> page.count())
                .sum();
    }

    @Override
    public List<ImpactEntry> unsent(String roleId) {
        return query(UNSENT, "impactUnsent = :r", Map.of(":r", s(roleId))).stream()
                .map(DynamoImpacts::read)
                .filter(e -> !e.sent())
                .sorted(Comparator.comparing(ImpactEntry::recordedAt))
                .toList();
    }

    @Override
    public boolean record(ImpactEntry entry, AuditEntry entryAudit) {
        return commit(
                List.of(
                        put(item(entry), "attribute_not_exists(pk)", Map.of()),
                        audit.putNew(entryAudit)));
    }

    @Override
    public boolean change(ImpactEntry before, ImpactEntry after, AuditEntry entryAudit) {
        return commit(
                List.of(
                        put(item(after), "revision = :r", Map.of(":r", Items.n(before.revision()))),
                        audit.putNew(entryAudit)));
    }

    @Override
    public boolean sent(
            List<ImpactEntry> sent, List<AuditEntry> entryAudit, List<OutboxMessage> digests) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (ImpactEntry e : sent)
            writes.add(
                    put(
                            item(e),
                            "revision = :r AND attribute_exists(impactUnsent)",
                            Map.of(":r", Items.n(e.revision() - 1))));
        entryAudit.forEach(a -> writes.add(audit.putNew(a)));
        digests.forEach(m -> writes.add(outbox.putNew(m)));
        return commit(writes);
    }

    private static final String BETWEEN = "roleId = :r AND roleSort BETWEEN :f AND :t";

    private static Map<String, AttributeValue> betweenValues(
            String roleId, LocalDate from, LocalDate to) {
        // '~' sorts after every character of an id, so the last day's entries are all in
        return Map.of(
                ":r", s(roleId),
                ":f", s(IMPACT + "#" + from),
                ":t", s(IMPACT + "#" + to + "#~"));
    }

    private boolean commit(List<TransactWriteItem> writes) {
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.anyConditionFailed(e)) return false;
            throw e;
        }
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, AttributeValue> values) {
        return Items.put(table, item, condition, values);
    }

    private List<Map<String, AttributeValue>> query(
            String index, String condition, Map<String, AttributeValue> values) {
        return Items.query(dynamo, table, index, condition, values);
    }

    private static ImpactEntry read(Map<String, AttributeValue> item) {
        return Json.read(item.get("data").s(), ImpactEntry.class);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", s(IMPACT + "#" + id), "sk", s(IMPACT));
    }

    private static Map<String, AttributeValue> item(ImpactEntry e) {
        Map<String, AttributeValue> item = new HashMap<>(key(e.id()));
        item.put("roleId", s(e.roleId()));
        item.put("roleSort", s(IMPACT + "#" + e.day() + "#" + e.id()));
        item.put("revision", Items.n(e.revision()));
        if (!e.sent()) {
            item.put("impactUnsent", s(e.roleId()));
            item.put("impactQueued", s(Items.sortable(e.recordedAt()) + "#" + e.id()));
        }
        item.put("data", s(Json.write(e)));
        return item;
    }
}
