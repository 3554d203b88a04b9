package org.involve.core.outbox;

import java.util.Optional;

/** The narrow view the mailer and the staff pages need: is this address known not to receive our e-mail? */
public interface UndeliverableLookup {
    Optional<UndeliverableAddress> find(String email);

    /** Nothing is known to be undeliverable (tests that are not about bounces). */
    UndeliverableLookup NONE = email -> Optional.empty();
}
