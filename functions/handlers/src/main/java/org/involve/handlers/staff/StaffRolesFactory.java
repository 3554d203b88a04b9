package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.role.ApplicationCounts;
import org.involve.core.role.RoleEditor;
import org.involve.core.role.RoleManagement;

/** The role pages' beans: role management over the roles and the applications (counted only). */
@Factory
public class StaffRolesFactory {
    @Singleton
    RoleManagement roleManagement(RoleEditor roles, ApplicationCounts applications, Clock clock) {
        return new RoleManagement(roles, applications, clock);
    }
}
