package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The RolesTable: the one adapter of the roles port. The role itself is JSON in {@code data}; {@code status} and
 * {@code closesAt} are copied out beside it so the ByStatusAndClosingTime index lists roles by status and closing
 * time: every list is a query on that index, never a scan. A change lands in one transaction with its entry in the
 * AuditTable; the closing job's move also writes its e-mails to the outbox. The role's shortlisting panel is kept on
 * the same item, in {@code panel} (JSON), which no edit of the role touches.
 */
public final class DynamoRoles implements Roles, RolePanels {
    static final String BY_STATUS_AND_CLOSING_TIME = "ByStatusAndClosingTime";
    static final String ROLE_ID = "roleId",
            STATUS = "status",
            CLOSES_AT = "closesAt",
            DATA = "data",
            PANEL = "panel";
    private static final int ROLE = 0;
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final Supplier<DynamoAuditTrail> audit;

    /**
     * The audit trail is asked for only when a change is written, so a function that only reads roles (the public
     * site, the booking and referee forms, the reminder jobs) is never made to name an audit table.
     */
    public DynamoRoles(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
    }

    public DynamoRoles(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this(dynamo, table, outbox, () -> audit);
    }

    @Override
    public Optional<Role> find(String roleId, Read read) {
        var item =
                read == Read.CONSISTENT
                        ? readConsistently(roleId)
                        : dynamo.getItem(r -> r.tableName(table).key(key(ROLE_ID, roleId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(role(item));
    }

    @Override
    public List<Role> published() {
        return withStatus(RoleStatus.OPEN, null);
    }

    @Override
    public List<Role> beingShortlisted() {
        return withStatus(RoleStatus.SHORTLISTING, null);
    }

    /** OPEN roles closed by now come from a key condition on the closing time, so roles still taking applications are never read. */
    @Override
    public List<Role> closedBy(Instant now) {
        List<Role> out = new ArrayList<>();
        out.addAll(withStatus(RoleStatus.OPEN, now));
        out.addAll(withStatus(RoleStatus.SHORTLISTING, null));
        out.addAll(withStatus(RoleStatus.FILLED, null));
        return out;
    }

    /** One query on the index, for the one status. */
    @Override
    public List<Role> withdrawn() {
        return withStatus(RoleStatus.WITHDRAWN, null);
    }

    /** One query on the index per status. */
    @Override
    public List<Role> all() {
        List<Role> all = new ArrayList<>();
        for (RoleStatus status : RoleStatus.values()) all.addAll(withStatus(status, null));
        return all;
    }

    /** One paginated query (status OPEN, closing instant at or before now), so a run costs the roles due, not the roles kept. */
    @Override
    public List<Role> openAndDueBy(Instant now) {
        return withStatus(RoleStatus.OPEN, now);
    }

    /**
     * Every role with the status, soonest closing first, from the ByStatusAndClosingTime index (a query, never a scan);
     * with {@code closedBy}, only those whose closing time is at or before it.
     */
    private List<Role> withStatus(RoleStatus status, Instant closedBy) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.name())));
        String condition = "#status = :status";
        if (closedBy != null) {
            condition += " AND " + CLOSES_AT + " <= :closedBy";
            values.put(":closedBy", time(closedBy));
        }
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(BY_STATUS_AND_CLOSING_TIME)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(Map.of("#status", STATUS))
                        .expressionAttributeValues(values)
                        .scanIndexForward(true)
                        .build();
        return dynamo.queryPaginator(query).items().stream().map(DynamoRoles::role).toList();
    }

    /** Puts the role unless one has its id (seeding a local table never overwrites what someone changed); true if it did. */
    public boolean putIfAbsent(Role role) {
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item(role))
                                    .conditionExpression("attribute_not_exists(" + ROLE_ID + ")"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public boolean create(Role role, AuditEntry entry) {
        TransactWriteItem put =
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(item(role))
                                                .conditionExpression(
                                                        "attribute_not_exists(" + ROLE_ID + ")"))
                        .build();
        try {
            outbox.commit(List.of(put, audit.get().putNew(entry)), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return false;
            throw e;
        }
    }

    @Override
    public void replace(Role before, Role after, AuditEntry entry) {
        // Compared as roles, not as stored text, so a role written by an earlier version can still
        // be changed.
        var read = readConsistently(before.id());
        if (read.isEmpty() || !role(read).equals(before)) throw new ChangedSince(before.id());
        // The round is over (filled, or withdrawn): the clock of its monitoring answers starts
        // (DynamoMonitoringRetention).
        Map<String, AttributeValue> also =
                after.status().roundOver() && !before.status().roundOver()
                        ? DynamoMonitoringRetention.roundOver(entry.when())
                        : Map.of();
        try {
            outbox.commit(
                    List.of(replaceIfUnchanged(after, read, also), audit.get().putNew(entry)),
                    null);
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) throw new ChangedSince(before.id());
            throw e;
        }
    }

    /**
     * Reads the role consistently (the index may lag), and moves it only if it is still OPEN with the closing date the
     * run saw. The update is conditional on the item being exactly as read, so a date extended or a role edited in the
     * meantime wins and the next run looks again.
     */
    @Override
    public boolean moveToShortlisting(Closing closing) {
        Map<String, AttributeValue> read = readConsistently(closing.roleId());
        if (read.isEmpty()) return false;
        Role current = role(read);
        if (current.status() != RoleStatus.OPEN
                || !current.closingDate().equals(closing.closingDate())) return false;

        List<OutboxMessage> messages = new ArrayList<>(closing.messages());
        // An e-mail for this role, closing date and person may be there already (the role was
        // reopened and closed again on the same date, or the panel was chosen after it closed and
        // reopened): they have been told, so the role moves without a second one.
        for (int attempt = 0; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(replaceIfUnchanged(current.withStatus(RoleStatus.SHORTLISTING), read));
            messages.forEach(m -> writes.add(outbox.putNew(m)));
            writes.add(audit.get().putNew(closing.audit()));
            try {
                transact(writes, closing);
                return true;
            } catch (TransactionCanceledException e) {
                if (Items.conditionFailed(e, ROLE))
                    return false; // changed since it was read: an extended date, an edit, or
                // another run
                List<OutboxMessage> there = new ArrayList<>();
                for (int i = 0; i < messages.size(); i++)
                    if (Items.conditionFailed(e, i + 1)) there.add(messages.get(i));
                if (there.isEmpty() || attempt > 0) throw e;
                messages.removeAll(there);
            } catch (Busy e) {
                return false; // being written by someone else even after trying again: nothing was
                // written, the next run looks again
            }
        }
    }

    /**
     * The token makes an SDK retry of a transaction that did commit report success rather than a failed condition.
     * It names the role, its closing date, the run's time and which writes: a second run, at another time, gets another.
     */
    private void transact(List<TransactWriteItem> writes, Closing c) {
        String token =
                Items.digest(
                        c.roleId()
                                + "|"
                                + c.closingDate()
                                + "|"
                                + Items.sortable(c.closedAt())
                                + "|"
                                + writes.size(),
                        16);
        outbox.commit(writes, token);
    }

    @Override
    public RolePanel panelOf(String roleId, Read read) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key(ROLE_ID, roleId))
                                                .projectionExpression("#p")
                                                .expressionAttributeNames(Map.of("#p", PANEL))
                                                .consistentRead(read == Read.CONSISTENT))
                        .item();
        return item == null || item.get(PANEL) == null
                ? RolePanel.none()
                : Json.read(item.get(PANEL).s(), RolePanel.class);
    }

    /**
     * The panel, its audit entry and any e-mails in one transaction; the update is conditional on the role existing
     * with the status read and the panel as read (none stored counts as an empty panel). E-mails already written (a
     * member told before) are left out and the rest written again.
     */
    @Override
    public void choose(
            String roleId,
            RoleStatus status,
            RolePanel before,
            RolePanel after,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":after", s(Json.write(after)));
        values.put(":before", s(Json.write(before)));
        values.put(":status", s(status.name()));
        String unchanged =
                before.isEmpty() ? "(attribute_not_exists(#p) OR #p = :before)" : "#p = :before";
        TransactWriteItem update =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(key(ROLE_ID, roleId))
                                                .updateExpression("SET #p = :after")
                                                .conditionExpression(
                                                        "attribute_exists("
                                                                + ROLE_ID
                                                                + ") AND #s = :status AND "
                                                                + unchanged)
                                                .expressionAttributeNames(
                                                        Map.of("#p", PANEL, "#s", STATUS))
                                                .expressionAttributeValues(values))
                        .build();
        List<OutboxMessage> toWrite = new ArrayList<>(messages);
        for (int attempt = 0; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(update);
            writes.add(audit.get().putNew(entry));
            toWrite.forEach(m -> writes.add(outbox.putNew(m)));
            try {
                outbox.commit(writes, null);
                return;
            } catch (TransactionCanceledException e) {
                if (Items.conditionFailed(e, 0)) throw new ChangedSince(roleId);
                List<OutboxMessage> there = new ArrayList<>();
                for (int i = 0; i < toWrite.size(); i++)
                    if (Items.conditionFailed(e, i + 2)) there.add(toWrite.get(i));
                if (there.isEmpty() || attempt > 0) throw e;
                toWrite.removeAll(there);
            } catch (Busy e) {
                throw new ChangedSince(
                        roleId); // still being written by someone else: nothing saved
            }
        }
    }

    /** The stored item as it is now (a consistent read), or an empty map if there is no such role. */
    Map<String, AttributeValue> readConsistently(String roleId) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key(ROLE_ID, roleId))
                                                .consistentRead(true))
                        .item();
        return item == null ? Map.of() : item;
    }

    /**
     * Makes the stored role {@code next}, on condition that its item is still exactly as {@code read}: the same JSON
     * (so no edit made since is lost), and so the same status and closing date the caller checked. An update of every
     * attribute of {@link #item}, so the copies beside the JSON always agree with it and nothing else on the item is touched.
     */
    TransactWriteItem replaceIfUnchanged(Role next, Map<String, AttributeValue> read) {
        return replaceIfUnchanged(next, read, Map.of());
    }

    /**
     * A transaction's check that the role is there and its round is not over ({@link RoleStatus#roundOver}): the
     * monitoring form's writes carry it, so no answers are taken for a role that is filled or withdrawn (their clock
     * has started, or they have been deleted) or for no role at all (they would never have a clock). It reads the
     * role's {@code status} alone.
     */
    static TransactWriteItem roundNotOver(String table, String roleId) {
        Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();
        for (RoleStatus status : RoleStatus.values())
            if (!status.roundOver()) values.put(":s" + values.size(), s(status.name()));
        return TransactWriteItem.builder()
                .conditionCheck(
                        c ->
                                c.tableName(table)
                                        .key(key(ROLE_ID, roleId))
                                        .conditionExpression(
                                                "#status IN ("
                                                        + String.join(", ", values.keySet())
                                                        + ")")
                                        .expressionAttributeNames(Map.of("#status", STATUS))
                                        .expressionAttributeValues(values))
                .build();
    }

    /** As {@link #replaceIfUnchanged(Role, Map)}, also setting {@code also} (the retention clock). */
    TransactWriteItem replaceIfUnchanged(
            Role next, Map<String, AttributeValue> read, Map<String, AttributeValue> also) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        Map<String, AttributeValue> written = new java.util.LinkedHashMap<>(item(next));
        written.putAll(also);
        for (var a : written.entrySet()) {
            if (a.getKey().equals(ROLE_ID)) continue;
            names.put("#a" + i, a.getKey());
            values.put(":a" + i, a.getValue());
            sets.add("#a" + i + " = :a" + i);
            i++;
        }
        List<String> unchanged = new ArrayList<>();
        for (String attribute : List.of(DATA, STATUS, CLOSES_AT)) {
            String name = "#w" + unchanged.size(), value = ":w" + unchanged.size();
            names.put(name, attribute);
            if (read.get(attribute) == null) {
                unchanged.add("attribute_not_exists(" + name + ")");
            } else {
                values.put(value, read.get(attribute));
                unchanged.add(name + " = " + value);
            }
        }
        return TransactWriteItem.builder()
                .update(
                        u ->
                                u.tableName(table)
                                        .key(key(ROLE_ID, next.id()))
                                        .updateExpression("SET " + String.join(", ", sets))
                                        .conditionExpression(String.join(" AND ", unchanged))
                                        .expressionAttributeNames(names)
                                        .expressionAttributeValues(values))
                .build();
    }

    /**
     * The one mapping of a role to its item: the role as JSON in {@code data}, with {@code status} and
     * {@code closesAt} (the closing instant in the fixed-width sortable form) copied beside it for the index.
     */
    static Map<String, AttributeValue> item(Role role) {
        return Map.of(
                ROLE_ID, s(role.id()),
                STATUS, s(role.status().name()),
                CLOSES_AT, time(role.closingTime().instant()),
                DATA, s(Json.write(role)));
    }

    static Role role(Map<String, AttributeValue> item) {
        return Json.read(item.get(DATA).s(), Role.class);
    }
}
