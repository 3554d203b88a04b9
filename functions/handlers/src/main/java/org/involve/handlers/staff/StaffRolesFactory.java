package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoRoles;
import org.involve.core.role.RoleManagement;

import java.time.Clock;

/** The role pages' beans: role management over the roles, applications (counted only) and audit tables. */
@Factory
public class StaffRolesFactory {
    @Singleton
    RoleManagement roleManagement(DynamoRoles roles, DynamoApplications applications, Clock clock) {
        return new RoleManagement(roles, applications, clock);
    }
}
