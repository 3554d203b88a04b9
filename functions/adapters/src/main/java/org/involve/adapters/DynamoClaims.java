package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.kit.Paging;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.payments.Claims;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The ClaimsTable: one item per claim (the claim as JSON in {@code data}, its {@code version}). A submitted claim
 * carries {@code waitingQueue}, which puts it in the sparse Waiting index staff read. An approved claim whose message
 * to the payments queue has not been sent carries {@code paymentMessage} and {@code paymentQueue} (the sparse
 * PaymentsToSend index): the outbox pattern for the payments queue. Both are written in the approval's transaction and
 * removed only after SQS has the message, so an approval is never stored without its payment following. The audit
 * trail is asked for only when a change is stored: the payments sweep, which only sends, has no audit table.
 */
public final class DynamoClaims implements Claims {
    static final String WAITING = "waiting";
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final Supplier<DynamoAuditTrail> audit;
    private final SqsPaymentsQueue queue;
    private final Consumer<String> warn;

    public DynamoClaims(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit,
            SqsPaymentsQueue queue,
            Consumer<String> warn) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
        this.queue = queue;
        this.warn = warn;
    }

    @Override
    public Optional<Claim> find(String claimId) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("claimId", claimId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Json.read(item.get("data").s(), Claim.class));
    }

    @Override
    public boolean save(Claim before, Claim after, AuditEntry entry) {
        if (after.status() != ClaimStatus.DRAFT && after.status() != ClaimStatus.SUBMITTED)
            throw new IllegalArgumentException("Decisions are stored by approve or reject");
        return commit(List.of(put(item(after, null), before), audit.get().putNew(entry)));
    }

    @Override
    public List<Claim> drafts(String appointmentId) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName("Drafts")
                                        .keyConditionExpression("draftOf = :a")
                                        .expressionAttributeValues(Map.of(":a", s(appointmentId))))
                .items()
                .stream()
                .map(i -> Json.read(i.get("data").s(), Claim.class))
                .toList();
    }

    /**
     * One query of the Waiting index (by {@code submittedAt}, oldest first), from the cursor's claim: after it in that
     * order or before it in the reverse. The cursor's key ({@link ClaimDesk#key}) is the index key of its claim, so
     * the query starts after that claim whether or not it is still waiting.
     */
    @Override
    public List<Claim> waiting(Paging.Cursor cursor, int limit) {
        return dynamo
                .query(
                        r -> {
                            r.tableName(table)
                                    .indexName("Waiting")
                                    .keyConditionExpression("waitingQueue = :w")
                                    .expressionAttributeValues(Map.of(":w", s(WAITING)))
                                    .scanIndexForward(cursor.direction() != Paging.Direction.BEFORE)
                                    .limit(limit);
                            if (!cursor.isFirst()) {
                                int hash = cursor.key().indexOf('#');
                                r.exclusiveStartKey(
                                        Map.of(
                                                "waitingQueue",
                                                s(WAITING),
                                                "submittedAt",
                                                s(cursor.key().substring(0, hash)),
                                                "claimId",
                                                s(cursor.key().substring(hash + 1))));
                            }
                        })
                .items()
                .stream()
                .map(i -> Json.read(i.get("data").s(), Claim.class))
                .toList();
    }

    @Override
    public boolean approve(
            Claim before,
            Claim after,
            AuditEntry entry,
            OutboxMessage toPartner,
            ApprovedClaim forPayment) {
        if (after.status() != ClaimStatus.APPROVED || !after.id().equals(forPayment.claimId()))
            throw new IllegalArgumentException(
                    "An approval stores the approved claim's own payment");
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(item(after, forPayment), before));
        writes.add(audit.get().putNew(entry));
        if (toPartner != null) writes.add(outbox.putNew(toPartner));
        if (!commit(writes)) return false;
        sendPayment(after.id(), PaymentBatch.write(forPayment));
        return true;
    }

    @Override
    public boolean reject(Claim before, Claim after, AuditEntry entry, OutboxMessage toPartner) {
        if (after.status() != ClaimStatus.REJECTED)
            throw new IllegalArgumentException("A rejection stores a rejected claim");
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(item(after, null), before));
        writes.add(audit.get().putNew(entry));
        if (toPartner != null) writes.add(outbox.putNew(toPartner));
        return commit(writes);
    }

    @Override
    public int sendWaitingPayments() {
        int sent = 0;
        for (Map<String, AttributeValue> item :
                dynamo.queryPaginator(
                                r ->
                                        r.tableName(table)
                                                .indexName("PaymentsToSend")
                                                .keyConditionExpression("paymentQueue = :w")
                                                .expressionAttributeValues(
                                                        Map.of(":w", s(WAITING))))
                        .items()) {
            if (sendPayment(Items.string(item, "claimId"), Items.string(item, "paymentMessage")))
                sent++;
        }
        return sent;
    }

    /**
     * Best effort: sends the message, then removes it from the claim. If the send fails the message stays with the
     * claim for the next {@link #sendWaitingPayments}; if the removal fails it is sent again later, which the
     * calculator's one-record-per-claim makes harmless.
     */
    private boolean sendPayment(String claimId, String body) {
        try {
            queue.send(body);
        } catch (RuntimeException e) {
            warn.accept(
                    "Could not send claim "
                            + claimId
                            + " to the payments queue; it will be sent again: "
                            + e.getClass().getSimpleName());
            return false;
        }
        try {
            dynamo.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(key("claimId", claimId))
                                    .updateExpression("REMOVE paymentQueue, paymentMessage")
                                    .conditionExpression("attribute_exists(claimId)"));
        } catch (RuntimeException e) {
            warn.accept(
                    "Sent claim "
                            + claimId
                            + " to the payments queue but could not mark it sent; it may be sent again: "
                            + e.getClass().getSimpleName());
        }
        return true;
    }

    private boolean commit(List<TransactWriteItem> writes) {
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return false;
            throw e;
        } catch (Busy e) {
            return false;
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, Claim before) {
        return TransactWriteItem.builder()
                .put(
                        p -> {
                            p.tableName(table).item(item);
                            if (before == null)
                                p.conditionExpression("attribute_not_exists(claimId)");
                            else
                                p.conditionExpression("version = :v")
                                        .expressionAttributeValues(
                                                Map.of(":v", Items.n(before.version())));
                        })
                .build();
    }

    private static Map<String, AttributeValue> item(Claim c, ApprovedClaim forPayment) {
        Map<String, AttributeValue> item = new HashMap<>(key("claimId", c.id()));
        item.put("appointmentId", s(c.appointmentId()));
        item.put("version", Items.n(c.version()));
        item.put("data", s(Json.write(c)));
        if (c.status() == ClaimStatus.DRAFT) {
            item.put("draftOf", s(c.appointmentId()));
            item.put("createdAt", time(c.createdAt()));
        }
        if (c.status() == ClaimStatus.SUBMITTED) {
            item.put("waitingQueue", s(WAITING));
            item.put("submittedAt", time(c.submittedAt()));
        }
        if (forPayment != null) {
            item.put("paymentQueue", s(WAITING));
            item.put("decidedAt", time(c.decidedAt()));
            item.put("paymentMessage", s(PaymentBatch.write(forPayment)));
        }
        return item;
    }
}
