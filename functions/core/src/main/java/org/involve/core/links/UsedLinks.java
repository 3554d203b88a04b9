package org.involve.core.links;

import java.time.Instant;

/** Remembers which one-use links have been used. */
public interface UsedLinks {
    /**
     * Records the link as used, in one conditional write (in DynamoDB: a put that fails when the item exists).
     * @return true if this call used it; false if it had been used already, by this or any other caller
     */
    boolean markUsed(String tokenId, Instant now);
}
