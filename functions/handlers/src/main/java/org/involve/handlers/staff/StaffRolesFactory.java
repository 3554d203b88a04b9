package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoRoleRecords;
import org.involve.adapters.Settings;
import org.involve.core.role.RoleManagement;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The role pages' beans: role management over the roles, applications (counted only) and audit tables. */
@Factory
public class StaffRolesFactory {
    @Singleton
    RoleManagement roleManagement(DynamoDbClient db, Clock clock) {
        return new RoleManagement(new DynamoRoleRecords(db, Settings.required("ROLES_TABLE"), Settings.required("APPLICATIONS_TABLE"),
                Settings.required("AUDIT_TABLE")), clock);
    }
}
