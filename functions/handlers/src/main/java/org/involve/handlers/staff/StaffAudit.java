package org.involve.handlers.staff;

import java.time.Clock;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditTrail;
import org.involve.core.staff.StaffMember;

/**
 * Writes one audit entry for a state change a signed-in person made: who (their sign-in id, never their name),
 * what, which record ("role:scg-member", "application:INV-BCDF-2345"), when, and the states before and after.
 * Where the change and its entry must land together, write them in one transaction in the adapter instead
 * (as the role pages do); this is for changes that stand alone.
 */
public final class StaffAudit {
    private final AuditTrail trail;
    private final Clock clock;

    public StaffAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** @param fromState the state before, or null when the action created the record */
    public AuditEntry record(
            StaffMember who, String what, String record, String fromState, String toState) {
        AuditEntry entry = AuditEntry.by(who, what, record, clock.instant(), fromState, toState);
        trail.append(entry);
        return entry;
    }
}
