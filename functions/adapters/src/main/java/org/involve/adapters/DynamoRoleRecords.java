package org.involve.adapters;

import org.involve.core.role.RoleRecords;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.audit.AuditEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.involve.adapters.Items.s;

/**
 * Roles as staff manage them, in the RolesTable (through {@link DynamoRoleCatalogue}'s one item mapping) with each
 * change's entry in the AuditTable, written in one transaction. Every role is listed by querying the
 * ByStatusAndClosingTime index once per status, and applications are counted by a COUNT query on the applications
 * table's own key: no Scan anywhere, and no application is read.
 */
public final class DynamoRoleRecords implements RoleRecords {
    private final DynamoDbClient dynamo;
    private final DynamoRoleCatalogue roles;
    private final DynamoAuditTrail audit;
    private final String applicationsTable;

    public DynamoRoleRecords(DynamoDbClient dynamo, String rolesTable, String applicationsTable, String auditTable) {
        this.dynamo = dynamo;
        this.roles = new DynamoRoleCatalogue(dynamo, rolesTable);
        this.audit = new DynamoAuditTrail(dynamo, auditTable);
        this.applicationsTable = applicationsTable;
    }

    @Override
    public List<Role> all() {
        List<Role> all = new ArrayList<>();
        for (RoleStatus status : RoleStatus.values()) all.addAll(roles.withStatus(status, null));
        return all;
    }

    @Override
    public Optional<Role> find(String roleId) {
        var item = roles.readConsistently(roleId);
        return item.isEmpty() ? Optional.empty() : Optional.of(DynamoRoleCatalogue.role(item));
    }

    @Override
    public int applicationCount(String roleId) {
        QueryRequest count = QueryRequest.builder().tableName(applicationsTable)
                .keyConditionExpression("roleId = :role")
                .expressionAttributeValues(Map.of(":role", s(roleId)))
                .select(Select.COUNT)
                .build();
        int total = 0;
        for (var page : dynamo.queryPaginator(count)) total += page.count();
        return total;
    }

    @Override
    public boolean create(Role role, AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(roles.table()).item(DynamoRoleCatalogue.item(role))
                .conditionExpression("attribute_not_exists(" + DynamoRoleCatalogue.ROLE_ID + ")")).build();
        try {
            dynamo.transactWriteItems(t -> t.transactItems(put, audit.putNew(entry)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) return false;
            throw e;
        }
    }

    @Override
    public void replace(Role before, Role after, AuditEntry entry) {
        // Compared as roles, not as stored text, so a role written by an earlier version can still be changed.
        var read = roles.readConsistently(before.id());
        if (read.isEmpty() || !DynamoRoleCatalogue.role(read).equals(before)) throw new ChangedSince(before.id());
        try {
            dynamo.transactWriteItems(t -> t.transactItems(roles.replaceIfUnchanged(after, read), audit.putNew(entry)));
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) throw new ChangedSince(before.id());
            throw e;
        }
    }
}
