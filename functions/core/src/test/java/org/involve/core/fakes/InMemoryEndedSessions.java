package org.involve.core.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.staff.EndedSessions;

/** Sessions ended by signing out, in memory. */
public final class InMemoryEndedSessions implements EndedSessions {
    public final Map<String, Instant> ended = new ConcurrentHashMap<>();

    @Override
    public void end(String sessionId, Instant tokenExpires) {
        ended.put(sessionId, tokenExpires);
    }

    @Override
    public boolean hasEnded(String sessionId) {
        return ended.containsKey(sessionId);
    }
}
