package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoRoles;
import org.involve.core.role.Role;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.SamTemplate;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Roles stored before the EveryRoleByClosingTime index (items without {@code kind}) are missing from every list of
 * every role until the backfill gives them their place; it leaves a role that has it alone, and a second run changes
 * nothing.
 */
class RolesIndexBackfillTest {

    @Test
    void rolesStoredBeforeTheIndexAreListedAfterItAndASecondRunChangesNothing() {
        try (var db = EmbeddedDynamoDb.startInMemory(0)) {
            db.createTables(SamTemplate.loadFromWorkingDirectory());
            var client = db.client();
            DynamoRoles roles =
                    new DynamoRoles(
                            client,
                            "RolesTable",
                            new DynamoOutbox(
                                    client, "OutboxTable", "ApplicationsTable", id -> {}, w -> {}),
                            new DynamoAuditTrail(client, "AuditTable"));
            List<Role> examples = ExampleRoles.all(Clock.systemUTC());
            examples.forEach(roles::putIfAbsent);
            // Two of them as an earlier version stored them: no "kind".
            for (Role old : examples.subList(0, 2))
                client.updateItem(
                        u ->
                                u.tableName("RolesTable")
                                        .key(Map.of("roleId", AttributeValue.fromS(old.id())))
                                        .updateExpression("REMOVE #kind")
                                        .expressionAttributeNames(Map.of("#kind", "kind")));
            assertEquals(List.of(examples.get(2).id()), ids(roles.all()));

            assertEquals(2, RolesIndexBackfill.run(client, "RolesTable"));

            List<String> listed = ids(roles.all());
            assertEquals(3, listed.size(), listed::toString);
            assertTrue(listed.containsAll(ids(examples)), listed::toString);
            assertEquals(0, RolesIndexBackfill.run(client, "RolesTable"));
            assertEquals(listed, ids(roles.all()));
        }
    }

    private static List<String> ids(List<Role> roles) {
        return roles.stream().map(Role::id).toList();
    }
}
