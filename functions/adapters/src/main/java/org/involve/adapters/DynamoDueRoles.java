package org.involve.adapters;

import org.involve.core.shortlisting.ClosingRun;
import org.involve.core.shortlisting.DueRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.involve.adapters.DynamoRoleCatalogue.BY_STATUS_AND_CLOSING_TIME;
import static org.involve.adapters.DynamoRoleCatalogue.CLOSES_AT;
import static org.involve.adapters.DynamoRoleCatalogue.STATUS;
import static org.involve.adapters.Items.s;
import static org.involve.adapters.Items.time;

/**
 * The closing job's view of the RolesTable. Due roles come from one paginated query on ByStatusAndClosingTime
 * (status OPEN, closing instant at or before now), so a run costs the roles due, not the roles kept. A role moves
 * to shortlisting in one transaction with its panel e-mail and its audit entry.
 */
public final class DynamoDueRoles implements DueRoles {
    private static final int ROLE = 0, PANEL_MESSAGE = 1;
    private final DynamoDbClient dynamo;
    private final DynamoRoleCatalogue roles;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoDueRoles(DynamoDbClient dynamo, DynamoRoleCatalogue roles, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.roles = roles;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public List<Role> openAndDueBy(Instant now) {
        QueryRequest query = QueryRequest.builder().tableName(roles.table()).indexName(BY_STATUS_AND_CLOSING_TIME)
                .keyConditionExpression("#status = :open AND " + CLOSES_AT + " <= :now")
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(Map.of(":open", s(RoleStatus.OPEN.name()), ":now", time(now)))
                .scanIndexForward(true)
                .build();
        return dynamo.queryPaginator(query).items().stream().map(DynamoRoleCatalogue::role).toList();
    }

    /**
     * Reads the role consistently (the index may lag), and moves it only if it is still OPEN with the closing date the
     * run saw. The update is conditional on the item being exactly as read, so a date extended or a role edited in the
     * meantime wins and the next run looks again.
     */
    @Override
    public boolean moveToShortlisting(ClosingRun.Closing closing) {
        Map<String, AttributeValue> read = roles.readConsistently(closing.roleId());
        if (read.isEmpty()) return false;
        Role current = DynamoRoleCatalogue.role(read);
        if (current.status() != RoleStatus.OPEN || !current.closingDate().equals(closing.closingDate())) return false;

        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                roles.replaceIfUnchanged(current.withStatus(RoleStatus.SHORTLISTING), read),
                outbox.putNew(closing.panelMessage()),
                audit.putNew(closing.audit())));
        try {
            transact(writes, closing);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, ROLE)) return false; // changed since it was read: an extended date, an edit, or another run
            if (Items.conflicted(e)) return false; // being written by someone else this moment: nothing was written, the next run looks again
            if (!Items.conditionFailed(e, PANEL_MESSAGE)) throw e;
        }
        // The panel e-mail for this role and closing date is already there (the role was reopened and closed again on
        // the same date): the panel has been told, so the role moves without a second one.
        writes.remove(PANEL_MESSAGE);
        try {
            transact(writes, closing);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, ROLE) || Items.conflicted(e)) return false;
            throw e;
        }
    }

    /**
     * The token makes an SDK retry of a transaction that did commit report success rather than a failed condition.
     * It names the role, its closing date, the run's time and which writes: a second run, at another time, gets another.
     */
    private void transact(List<TransactWriteItem> writes, ClosingRun.Closing c) {
        String token = Items.digest(c.roleId() + "|" + c.closingDate() + "|" + Items.sortable(c.closedAt()) + "|" + writes.size(), 16);
        dynamo.transactWriteItems(r -> r.transactItems(writes).clientRequestToken(token));
    }
}
