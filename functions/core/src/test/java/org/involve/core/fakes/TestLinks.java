package org.involve.core.fakes;

import org.involve.core.application.WithdrawalLink;
import org.involve.core.links.SignedLink;

/** Signed links for tests, with a test key. */
public final class TestLinks {
    private TestLinks() {}

    public static final SignedLink LINKS =
            new SignedLink("a-test-signing-key-of-at-least-32-characters");

    /** The withdrawal link every e-mail to an applicant carries, leading to the test site. */
    public static final WithdrawalLink WITHDRAWAL =
            new WithdrawalLink(LINKS, "https://involve.example.org");

    /** The same, for handler tests whose site is the local runtime's. */
    public static final WithdrawalLink LOCAL_WITHDRAWAL =
            new WithdrawalLink(LINKS, "http://localhost:3000");
}
