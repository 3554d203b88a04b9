package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A partner's own items beside their record in the PartnersTable (annual check-ins, tenure reviews), one kind each:
 * keyed {@code appointmentId = <kind>#<appointmentId>#<which>}, the value as JSON in {@code data}, its count of
 * changes in the kind's own version attribute, and {@code partnerOf} for the sparse ByPartner index. A save is one
 * transaction: the item on condition of its version (a new one on condition that its key is free), a write of the
 * kind's that has a condition of its own if there is one, the audit entries and the e-mails.
 */
final class PartnerOwnItems<T> {
    /**
     * The sparse ByPartner index of the PartnersTable: a partner's own items beside their record carry {@code
     * partnerOf}, their appointment's id, so subject access, erasure and the retention job find them by the partner
     * (DynamoPersonalData, DynamoRetention).
     */
    static final String BY_PARTNER = "ByPartner", PARTNER_OF = "partnerOf";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final String version;
    private final Class<T> type;

    /** @param version the kind's attribute for its count of changes */
    PartnerOwnItems(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            String version,
            Class<T> type) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
        this.version = version;
        this.type = type;
    }

    Optional<T> find(String id) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("appointmentId", id))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Json.read(item.get("data").s(), type));
    }

    /** The item that keeps {@code value}; the kind adds its own index attributes to it before saving. */
    Map<String, AttributeValue> item(String id, String appointmentId, long changes, T value) {
        Map<String, AttributeValue> item = new HashMap<>(key("appointmentId", id));
        item.put(version, Items.n(changes));
        item.put("data", s(Json.write(value)));
        item.put(PARTNER_OF, s(appointmentId));
        return item;
    }

    /**
     * @param versionBefore the stored item's count of changes, or null for a new item
     * @param alongside a write with a condition of its own, second in the transaction, or null
     * @return false, writing nothing, when the item or {@code alongside} changed meanwhile (or stayed busy)
     */
    boolean save(
            Map<String, AttributeValue> item,
            Long versionBefore,
            TransactWriteItem alongside,
            List<AuditEntry> entries,
            List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                TransactWriteItem.builder()
                        .put(
                                p -> {
                                    p.tableName(table).item(item);
                                    if (versionBefore == null)
                                        p.conditionExpression(
                                                "attribute_not_exists(appointmentId)");
                                    else
                                        p.conditionExpression(version + " = :v")
                                                .expressionAttributeValues(
                                                        Map.of(":v", Items.n(versionBefore)));
                                })
                        .build());
        if (alongside != null) writes.add(alongside);
        entries.forEach(e -> writes.add(audit.putNew(e)));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0) || (alongside != null && Items.conditionFailed(e, 1)))
                return false;
            throw e;
        } catch (Busy e) {
            return false; // still being changed by someone else after trying again: nothing written
        }
    }
}
