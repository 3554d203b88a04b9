package org.involve.core.role;

/** How many applications a role has: counted where the applications are kept, without reading any of them. */
@FunctionalInterface
public interface ApplicationCounts {
    int of(String roleId);
}
