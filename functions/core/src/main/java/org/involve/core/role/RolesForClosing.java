package org.involve.core.role;

import java.time.Instant;
import java.util.List;

/** The closing job's view: the roles due to close, and the move of one to shortlisting. */
public interface RolesForClosing {
    /** OPEN roles whose closing time is at or before {@code now}. */
    List<Role> openAndDueBy(Instant now);

    /**
     * In one transaction: move the role from OPEN to SHORTLISTING on condition that it is still OPEN with the
     * closing date that was read (so a closing date extended meanwhile wins), write each of its e-mails unless a
     * message with that id exists, and append the audit entry.
     * @return true if this call moved it; false if it had already moved or changed, in which case nothing is written
     */
    boolean moveToShortlisting(Roles.Closing closing);
}
