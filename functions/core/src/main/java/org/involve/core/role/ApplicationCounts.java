package org.involve.core.role;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many applications a role has: counted where the applications are kept, without reading any of them. */
@FunctionalInterface
public interface ApplicationCounts {
    int of(String roleId);

    /**
     * Each role's number, by role id in the order given: for a page listing roles, which a store may read in one call
     * rather than one per role.
     */
    default Map<String, Integer> ofEach(Collection<String> roleIds) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String roleId : roleIds) counts.computeIfAbsent(roleId, this::of);
        return counts;
    }
}
