package org.involve.core.application;

import java.time.Duration;
import java.time.Instant;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.paths.PublicPaths;

/**
 * The link in every e-mail to an applicant that lets them withdraw their application. It is signed for
 * {@link LinkPurpose#WITHDRAW} with the application's reference as its subject, and lasts well beyond any round; it
 * is not one-use, because withdrawing twice is harmless (the page asks them to confirm first).
 */
public final class WithdrawalLink {
    /** Longer than any recruitment round, so an old e-mail's link still works while the application is open. */
    public static final Duration LIFETIME = Duration.ofDays(400);

    private static final Words WORDS = Words.of("withdrawal");
    private final SignedLink links;
    private final String siteUrl;

    /** @param siteUrl the public site, where the link leads */
    public WithdrawalLink(SignedLink links, String siteUrl) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The site address must be an http(s) address");
        this.links = links;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    /** The address of the withdrawal page for {@code app}, working for {@link #LIFETIME} from {@code now}. */
    public String url(Application app, Instant now) {
        return siteUrl
                + PublicPaths.WITHDRAW.fill(
                        links.issue(LinkPurpose.WITHDRAW, app.reference(), now.plus(LIFETIME)));
    }

    /** Adds to {@code letter} a short paragraph saying they can withdraw, and the link (letters put it before how to contact the team). */
    public Letter addTo(Letter letter, Application app, Instant now) {
        return letter.paragraph(WORDS.get("email.withdrawLine.text"))
                .link(WORDS.get("email.withdrawLine.link"), url(app, now));
    }
}
