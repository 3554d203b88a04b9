package org.involve.adapters;

import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.adapters.internal.Transactions;
import org.involve.core.audit.AuditEntry;
import org.involve.core.shortlisting.AnonymisedApplication;
import org.involve.core.shortlisting.Conflict;
import org.involve.core.shortlisting.Score;
import org.involve.core.shortlisting.ShortlistDecision;
import org.involve.core.shortlisting.ShortlistStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The ShortlistingTable: everything the panel works from, keyed by role ({@code roleId}) and {@code itemKey}:
 * "paper#{anonymous id}" (an {@link AnonymisedApplication} as JSON, and nothing else of the application),
 * "score#{anonymous id}#{criterion}#{panel member}" (one panel member's points, replaced when they score again) and
 * "decision" (the recorded shortlist) and "conflict#{anonymous id}#{panel member}" (a declared conflict of interest, as
 * JSON). A role's papers, scores or conflicts are one query on its key, never a scan. The audit trail is asked for
 * only when a score is saved, a decision recorded or a conflict declared: each is written with its entry.
 */
public final class DynamoShortlistStore implements ShortlistStore {
    static final String ROLE_ID = "roleId", ITEM_KEY = "itemKey", DATA = "data";
    private static final String PAPER = "paper#",
            SCORE = "score#",
            DECISION = "decision",
            CONFLICT = "conflict#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Supplier<DynamoAuditTrail> audit;

    /** @param audit the audit trail a recorded decision's entry goes to, built when first asked for */
    public DynamoShortlistStore(
            DynamoDbClient dynamo, String table, Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.audit = audit;
    }

    public DynamoShortlistStore(DynamoDbClient dynamo, String table, DynamoAuditTrail audit) {
        this(dynamo, table, () -> audit);
    }

    @Override
    public boolean addPaper(AnonymisedApplication paper) {
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(
                                            Map.of(
                                                    ROLE_ID,
                                                    s(paper.roleId()),
                                                    ITEM_KEY,
                                                    s(PAPER + paper.applicantId()),
                                                    DATA,
                                                    s(Json.write(paper))))
                                    .conditionExpression("attribute_not_exists(" + ITEM_KEY + ")"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public List<AnonymisedApplication> papers(String roleId) {
        return startingWith(roleId, PAPER).stream()
                .map(i -> Json.read(string(i, DATA), AnonymisedApplication.class))
                .toList();
    }

    /**
     * The score (replacing this panel member's earlier one for the same answer) and its audit entry, in one
     * transaction.
     */
    @Override
    public void save(Score score, AuditEntry entry) {
        TransactWriteItem put =
                Items.put(
                        table,
                        Map.of(
                                ROLE_ID,
                                s(score.roleId()),
                                ITEM_KEY,
                                s(
                                        SCORE
                                                + score.applicantId()
                                                + "#"
                                                + score.criterionId()
                                                + "#"
                                                + score.panelMemberId()),
                                "applicantId",
                                s(score.applicantId()),
                                "criterionId",
                                s(score.criterionId()),
                                "panelMemberId",
                                s(score.panelMemberId()),
                                "points",
                                n(score.points()),
                                "scoredAt",
                                time(score.scoredAt())),
                        null,
                        Map.of());
        try {
            Transactions.write(dynamo, List.of(put, audit.get().putNew(entry)), null);
        } catch (TransactionCanceledException e) {
            // The entry's key is its time and content: only this very save (retried) wrote it.
            if (!Items.conditionFailed(e, 1)) throw e;
        }
    }

    @Override
    public List<Score> forRole(String roleId) {
        return startingWith(roleId, SCORE).stream()
                .map(
                        i ->
                                new Score(
                                        string(i, ROLE_ID),
                                        string(i, "applicantId"),
                                        string(i, "criterionId"),
                                        string(i, "panelMemberId"),
                                        Items.number(i, "points"),
                                        time(i, "scoredAt")))
                .toList();
    }

    @Override
    public Optional<ShortlistDecision> decision(String roleId) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(
                                                        Map.of(
                                                                ROLE_ID,
                                                                s(roleId),
                                                                ITEM_KEY,
                                                                s(DECISION)))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Json.read(string(item, DATA), ShortlistDecision.class));
    }

    @Override
    public boolean recordDecision(ShortlistDecision decision, AuditEntry entry) {
        TransactWriteItem put =
                Items.put(
                        table,
                        Map.of(
                                ROLE_ID,
                                s(decision.roleId()),
                                ITEM_KEY,
                                s(DECISION),
                                DATA,
                                s(Json.write(decision))),
                        "attribute_not_exists(" + ITEM_KEY + ")",
                        Map.of());
        try {
            Transactions.write(
                    dynamo,
                    List.of(put, audit.get().putNew(entry)),
                    Items.digest(
                            decision.roleId() + "|" + Items.sortable(decision.decidedAt()), 16));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false;
            throw e;
        }
    }

    @Override
    public boolean declareConflict(Conflict conflict, AuditEntry entry) {
        TransactWriteItem put =
                Items.put(
                        table,
                        Map.of(
                                ROLE_ID,
                                s(conflict.roleId()),
                                ITEM_KEY,
                                s(
                                        CONFLICT
                                                + conflict.applicantId()
                                                + "#"
                                                + conflict.panelMemberId()),
                                DATA,
                                s(Json.write(conflict))),
                        "attribute_not_exists(" + ITEM_KEY + ")",
                        Map.of());
        try {
            Transactions.write(dynamo, List.of(put, audit.get().putNew(entry)), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false;
            throw e;
        }
    }

    @Override
    public List<Conflict> conflicts(String roleId) {
        return startingWith(roleId, CONFLICT).stream()
                .map(i -> Json.read(string(i, DATA), Conflict.class))
                .toList();
    }

    private List<Map<String, AttributeValue>> startingWith(String roleId, String prefix) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .consistentRead(true)
                                        .keyConditionExpression(
                                                ROLE_ID
                                                        + " = :role AND begins_with("
                                                        + ITEM_KEY
                                                        + ", :prefix)")
                                        .expressionAttributeValues(
                                                Map.of(":role", s(roleId), ":prefix", s(prefix))))
                .items()
                .stream()
                .toList();
    }
}
