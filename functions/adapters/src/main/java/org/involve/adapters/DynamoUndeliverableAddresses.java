package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.UndeliverableAddress;
import org.involve.core.outbox.UndeliverableAddresses;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The UndeliverableAddressesTable: one item per address e-mail no longer reaches, keyed by {@code addressKey} (a
 * one-way key of the address, never the address), with why and since when. Read with one GetItem per address.
 */
public final class DynamoUndeliverableAddresses implements UndeliverableAddresses {
    static final String ADDRESS_KEY = "addressKey";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Supplier<DynamoAuditTrail> audit;

    /** @param audit only marking writes audit entries: the mailer, which only reads, never builds it */
    public DynamoUndeliverableAddresses(
            DynamoDbClient dynamo, String table, Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.audit = audit;
    }

    @Override
    public Optional<UndeliverableAddress> find(String email) {
        if (email == null || email.isBlank()) return Optional.empty();
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(
                                                        key(
                                                                ADDRESS_KEY,
                                                                UndeliverableAddress.keyOf(email)))
                                                .consistentRead(true))
                        .item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(
                new UndeliverableAddress(
                        string(item, ADDRESS_KEY),
                        UndeliverableAddress.Reason.valueOf(string(item, "reason")),
                        time(item, "since"),
                        string(item, "detail")));
    }

    @Override
    public boolean mark(UndeliverableAddress address, AuditEntry entry) {
        TransactWriteItem put =
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(
                                                        Map.of(
                                                                ADDRESS_KEY,
                                                                s(address.addressKey()),
                                                                "reason",
                                                                s(address.reason().name()),
                                                                "since",
                                                                time(address.since()),
                                                                "detail",
                                                                s(address.detail())))
                                                .conditionExpression(
                                                        "attribute_not_exists("
                                                                + ADDRESS_KEY
                                                                + ")"))
                        .build();
        try {
            Transactions.write(dynamo, List.of(put, audit.get().putNew(entry)), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false;
            throw e;
        }
    }
}
