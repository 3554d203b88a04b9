package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.draft.DraftStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Applications in progress in the DraftsTable: the draft as JSON in {@code data}, and {@code expiresAtEpoch}
 * for DynamoDB's TTL. {@code submittedReference} is its own attribute so the submission transaction can set
 * it with an update, without rewriting the draft's JSON; it wins over the JSON when read back. {@code returnReference}
 * is its own attribute too, for the ByReturnReference index ("Continue an application" finds a draft by it).
 */
public final class DynamoDraftStore implements DraftStore {
    private static final String SUBMITTED_REFERENCE = "submittedReference";
    private static final String RETURN_REFERENCE = "returnReference";
    static final String BY_RETURN_REFERENCE = "ByReturnReference";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDraftStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ApplicationDraft> find(String draftId) {
        // Consistent: the next page reads the draft the previous page has just saved.
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("draftId", draftId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(draft(item));
    }

    @Override
    public void save(ApplicationDraft draft) {
        Map<String, AttributeValue> item = item(draft);
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** A transaction's write that saves the draft as {@link #save} does. */
    TransactWriteItem put(ApplicationDraft draft) {
        Map<String, AttributeValue> item = item(draft);
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    private static Map<String, AttributeValue> item(ApplicationDraft draft) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("draftId", s(draft.id()));
        item.put("data", s(Json.write(draft)));
        if (draft.expiresAt() != null)
            item.put("expiresAtEpoch", n(draft.expiresAt().getEpochSecond()));
        if (draft.submittedReference() != null)
            item.put(SUBMITTED_REFERENCE, s(draft.submittedReference()));
        if (draft.returnReference() != null) item.put(RETURN_REFERENCE, s(draft.returnReference()));
        return item;
    }

    /** Through the index (keys only), then the draft by its key, read consistently. */
    @Override
    public Optional<ApplicationDraft> findByReturnReference(String reference) {
        return Items.query(
                        dynamo,
                        table,
                        BY_RETURN_REFERENCE,
                        "returnReference = :r",
                        Map.of(":r", s(reference)))
                .stream()
                .map(i -> i.get("draftId").s())
                .findFirst()
                .flatMap(this::find);
    }

    @Override
    public void delete(String draftId) {
        dynamo.deleteItem(r -> r.tableName(table).key(key("draftId", draftId)));
    }

    /** The submission transaction's write that marks the draft submitted. It never creates a draft that has gone. */
    TransactWriteItem markSubmitted(String draftId, String reference) {
        return TransactWriteItem.builder()
                .update(
                        u ->
                                u.tableName(table)
                                        .key(key("draftId", draftId))
                                        .updateExpression("SET #ref = :ref")
                                        .conditionExpression("attribute_exists(draftId)")
                                        .expressionAttributeNames(
                                                Map.of("#ref", SUBMITTED_REFERENCE))
                                        .expressionAttributeValues(Map.of(":ref", s(reference))))
                .build();
    }

    private static ApplicationDraft draft(Map<String, AttributeValue> item) {
        ApplicationDraft d = Json.read(item.get("data").s(), ApplicationDraft.class);
        String reference = Items.string(item, SUBMITTED_REFERENCE);
        return reference == null
                ? d
                : new ApplicationDraft(
                        d.id(),
                        d.roleId(),
                        d.startedAt(),
                        d.answers(),
                        d.completedSections(),
                        reference,
                        d.expiresAt(),
                        d.earlierApplication(),
                        d.returnReference());
    }
}
