package org.involve.core.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.links.UsedLinks;

/** Keeps the port's promise with an atomic put-if-absent, as the conditional write does. */
public final class InMemoryUsedLinks implements UsedLinks {
    public final Map<String, Instant> used = new ConcurrentHashMap<>();

    @Override
    public boolean markUsed(String tokenId, Instant now) {
        return used.putIfAbsent(tokenId, now) == null;
    }
}
