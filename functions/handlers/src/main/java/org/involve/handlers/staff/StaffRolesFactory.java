package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.DynamoRoundApplications;
import org.involve.adapters.Settings;
import org.involve.core.role.RoleManagement;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The role pages' beans: role management over the roles, applications (counted only) and audit tables. */
@Factory
public class StaffRolesFactory {
    @Singleton
    RoleManagement roleManagement(DynamoDbClient db, DynamoRoles roles, DynamoOutbox outbox, DynamoAuditTrail audit, Clock clock) {
        return new RoleManagement(roles, new DynamoRoundApplications(db, Settings.required("APPLICATIONS_TABLE"), outbox, audit), clock);
    }
}
