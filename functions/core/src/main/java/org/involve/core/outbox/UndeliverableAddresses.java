package org.involve.core.outbox;

import org.involve.core.audit.AuditEntry;

/** The one port of the undeliverable-address list, fed by the provider's bounce and complaint notices. */
public interface UndeliverableAddresses extends UndeliverableLookup {
    /**
     * Records the address as undeliverable with {@code entry}, in one transaction. False if it already was (the first
     * notice stands; a repeat delivery of the same notice changes nothing).
     */
    boolean mark(UndeliverableAddress address, AuditEntry entry);
}
