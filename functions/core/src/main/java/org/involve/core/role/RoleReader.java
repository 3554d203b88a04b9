package org.involve.core.role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.involve.core.kit.Read;

/** What every function that reads roles may do. */
public interface RoleReader {
    Optional<Role> find(String roleId, Read read);

    /** Roles advertised to the public (status OPEN), soonest closing first. */
    List<Role> published();

    /** Roles whose status is SHORTLISTING, soonest closed first. */
    List<Role> beingShortlisted();

    /**
     * Roles whose applications have closed, so every applicant is owed an outcome: SHORTLISTING and FILLED
     * roles, and OPEN roles whose closing time is at or before {@code now} (the closing job has not moved them yet).
     */
    List<Role> closedBy(Instant now);

    /** Roles withdrawn (status WITHDRAWN): anyone who applied is still owed an outcome. */
    default List<Role> withdrawn() {
        return all().stream().filter(r -> r.status() == RoleStatus.WITHDRAWN).toList();
    }

    /** Every role, whatever its status. */
    List<Role> all();
}
