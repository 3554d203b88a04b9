package org.involve.handlers.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which posts count as sent from the site's own pages (WebRequest.requireOwnSite). */
class OwnSiteTest {
    private static final List<String> NONE = List.of();

    @Test
    void anOriginMustNameTheHostTheRequestWasSentTo() {
        assertTrue(WebRequest.fromOwnSite("http://localhost:3700", null, "localhost:3700", NONE));
        assertTrue(
                WebRequest.fromOwnSite(
                        "https://involve.example.org", null, "Involve.Example.org", NONE));
        assertTrue(
                WebRequest.fromOwnSite(
                        "https://involve.example.org", null, "involve.example.org:443", NONE),
                "the default port is the same address");
        assertFalse(WebRequest.fromOwnSite("http://localhost:3701", null, "localhost:3700", NONE));
        assertFalse(
                WebRequest.fromOwnSite(
                        "https://evil.example", "same-origin", "localhost:3700", NONE));
        assertFalse(
                WebRequest.fromOwnSite(
                        "https://involve.example.org.evil.example",
                        null,
                        "involve.example.org",
                        NONE));
        assertFalse(WebRequest.fromOwnSite("file://localhost:3700", null, "localhost:3700", NONE));
        assertFalse(
                WebRequest.fromOwnSite("http://localhost:3700", null, "", NONE),
                "no Host, nothing to match");
    }

    @Test
    void theSitesConfiguredAddressesCountToo() {
        var site = List.of("https://involve.example.org");
        assertTrue(
                WebRequest.fromOwnSite(
                        "https://involve.example.org", null, "abc.execute-api.example", site));
        assertFalse(
                WebRequest.fromOwnSite(
                        "http://involve.example.org", null, "abc.execute-api.example", site));
    }

    @Test
    void withoutAnOriginTheBrowsersSecFetchSiteDecides() {
        for (String origin : new String[] {null, "", "null"}) {
            assertTrue(WebRequest.fromOwnSite(origin, "same-origin", "localhost:3700", NONE));
            assertTrue(WebRequest.fromOwnSite(origin, "none", "localhost:3700", NONE));
            assertFalse(WebRequest.fromOwnSite(origin, "same-site", "localhost:3700", NONE));
            assertFalse(WebRequest.fromOwnSite(origin, "cross-site", "localhost:3700", NONE));
            assertFalse(WebRequest.fromOwnSite(origin, null, "localhost:3700", NONE));
        }
    }
}
