package org.involve.core.links;

import java.time.Instant;

/**
 * Uses a one-use link: checks it, then marks it used, so a reference or a booking is accepted once.
 * Show the form with {@link SignedLink#verify} (looking does not use the link); redeem only when accepting
 * what was sent, ideally in the same transaction as storing it.
 */
public final class LinkRedemption {
    private final SignedLink links;
    private final UsedLinks used;

    public LinkRedemption(SignedLink links, UsedLinks used) {
        this.links = links;
        this.used = used;
    }

    public LinkCheck redeem(String token, LinkPurpose purpose, Instant now) {
        LinkCheck check = links.verify(token, purpose, now);
        if (!(check instanceof LinkCheck.Valid valid)) return check;
        return used.markUsed(valid.tokenId(), now)
                ? valid
                : new LinkCheck.Refused(LinkRefusal.ALREADY_USED);
    }
}
