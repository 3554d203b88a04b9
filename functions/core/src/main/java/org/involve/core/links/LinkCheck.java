package org.involve.core.links;

import java.time.Instant;

/** The result of checking a link: what it is about, or why it is refused. */
public sealed interface LinkCheck {
    /** {@code tokenId} identifies this one link (for one-use); {@code subjectId} is what it is about. */
    record Valid(String subjectId, String tokenId, LinkPurpose purpose, Instant expiresAt)
            implements LinkCheck {}

    record Refused(LinkRefusal reason) implements LinkCheck {
        public String message() {
            return reason.message();
        }
    }

    default boolean valid() {
        return this instanceof Valid;
    }
}
