package org.involve.core.fakes;

import java.time.Duration;
import org.involve.core.links.SignedLink;
import org.involve.core.partners.PartnerLetters;

/** Partner letters for tests: links to https://involve.example, signed with {@link #LINKS}, lasting 30 days. */
public final class TestPartnerLetters {
    private TestPartnerLetters() {}

    public static final SignedLink LINKS =
            new SignedLink("a-test-signing-key-of-at-least-32-characters");

    public static PartnerLetters letters(String staffSiteUrl) {
        return new PartnerLetters(
                "https://involve.example", staffSiteUrl, LINKS, Duration.ofDays(30));
    }
}
