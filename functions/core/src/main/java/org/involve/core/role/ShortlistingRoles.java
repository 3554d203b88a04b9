package org.involve.core.role;


import java.util.List;
import java.util.Optional;

/** The roles as shortlisting reads them. */
public interface ShortlistingRoles {
    /** Roles whose status is SHORTLISTING, soonest closed first (a query on the status index, never a scan). */
    List<Role> beingShortlisted();

    Optional<Role> find(String roleId);
}
