package org.involve.core.staff;

import java.time.Instant;

/**
 * Staff sessions ended by signing out before their sign-in token expired. The token is a signed statement that stays
 * valid until it expires, so a copy taken before sign-out would otherwise still open the staff pages: each token
 * carries its own id, and the staff session check refuses an id recorded here. An entry is needed only until the token
 * would have expired anyway, and goes then.
 */
public interface EndedSessions {
    /** Records that the session with this token id has ended; it is kept until {@code tokenExpires}. */
    void end(String sessionId, Instant tokenExpires);

    /** Whether the session with this token id was ended by signing out. */
    boolean hasEnded(String sessionId);
}
