package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplyingSettings;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.kit.Retention;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/**
 * The privacy notice and the accessibility statement (issue 11, item 1; issue 14's footer): public pages of the
 * site, reached from every page's footer and from the form's declarations, showing the periods records are kept
 * from the settings and the organisation's contact from the settings.
 */
class PrivacyPagesEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final ApplicationJourney journey =
            new ApplicationJourney(
                    roles,
                    drafts,
                    new InMemoryApplications(new InMemoryOutbox(new RecordingMailQueue()), drafts),
                    new MonitoringToken("a-test-signing-key-of-enough-length"),
                    clock,
                    new ApplyingSettings(
                            "http://localhost:3000",
                            "http://localhost:3000",
                            Duration.ofDays(14),
                            Duration.ofSeconds(20)),
                    org.involve.core.fakes.TestLinks.LOCAL_WITHDRAWAL,
                    new org.involve.core.fakes.InMemoryDraftLimits(
                            new org.involve.core.fakes.InMemoryOutbox(
                                    new org.involve.core.fakes.RecordingMailQueue())));

    /** Periods unlike the defaults, so the page can only show them by reading them. */
    private final Retention retention = new Retention(21, 18, 4, 7, 45);

    private final PublicSiteHandler site = new PublicSiteHandler(journey, false, retention);

    PrivacyPagesEventsTest() {
        ExampleRoles.all(clock).forEach(roles::save);
    }

    private APIGatewayV2HTTPResponse get(String event, Map<String, String> placeholders) {
        return site.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, placeholders), null);
    }

    @Test
    void thePrivacyNoticeSaysWhoHoldsTheDataWhyUnderWhichLawAndForHowLong() {
        var r = get("http-get-privacy.json", Map.of());
        assertEquals(200, r.getStatusCode());
        String page = r.getBody();
        assertTrue(page.contains("<title>Privacy notice - Involve</title>"), page);
        // Who: the organisation of the roles open now holds what is sent about them.
        assertTrue(page.contains("<li>Northfield Health and Care Partnership (example)</li>"));
        assertTrue(page.contains("data controller"));
        // Why, under which law: the equality-of-opportunity condition for monitoring answers.
        assertTrue(page.contains("Article 6(1)(b)"));
        assertTrue(page.contains("Article 6(1)(c)"));
        assertTrue(page.contains("Article 9(2)(g)"));
        assertTrue(
                page.contains("Data Protection Act 2018, Schedule 1, paragraph 8"),
                "the equality-of-opportunity condition");
        // How long: each kind of record, from the settings.
        assertTrue(page.contains("21 days from when you started it"), page);
        assertTrue(page.contains("18 months after we tell you the outcome"));
        assertTrue(page.contains("4 years after your involvement ends"));
        assertTrue(page.contains("7 years after the end of the tax year we paid you in"));
        assertTrue(page.contains("45 days after we send it"));
        assertFalse(page.contains("14 days"), "a default shown instead of the setting");
        // Rights, how to use them, and the ICO.
        assertTrue(page.contains("subject access request"));
        assertTrue(page.contains("We will answer within one month."));
        assertTrue(page.contains("href=\"https://ico.org.uk/make-a-complaint/\""));
        assertTrue(page.contains("href=\"tel:+443031231113\""));
    }

    @Test
    void withTheDefaultSettingsTheNoticeShowsTheDocumentedPeriods() {
        var defaults = new PublicSiteHandler(journey, false);
        String page =
                defaults.handleRequest(
                                SampleEvents.use(
                                        "http-get-privacy.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of()),
                                null)
                        .getBody();
        assertTrue(page.contains("14 days from when you started it"));
        assertTrue(page.contains("1 year after we tell you the outcome"));
        assertTrue(page.contains("1 year after the role is filled or taken down"));
        assertTrue(page.contains("3 years after your involvement ends"));
        assertTrue(page.contains("6 years after the end of the tax year we paid you in"));
        assertTrue(page.contains("30 days after we send it"));
    }

    @Test
    void theAccessibilityStatementFollowsTheModelStatement() {
        var r = get("http-get-accessibility.json", Map.of());
        assertEquals(200, r.getStatusCode());
        String page = r.getBody();
        assertTrue(page.contains("<title>Accessibility statement - Involve</title>"));
        for (String heading :
                new String[] {
                    "How accessible this website is",
                    "What to do if you need another format",
                    "Reporting accessibility problems with this website",
                    "Enforcement procedure",
                    "Technical information about this website",
                    "Compliance status",
                    "Content that is not accessible",
                    "How we tested this website",
                    "Preparation of this accessibility statement"
                })
            assertTrue(
                    page.contains("\">" + heading)
                            || page.contains("<h2>" + heading)
                            || page.contains("<h3>" + heading),
                    heading);
        assertTrue(page.contains("href=\"https://www.equalityadvisoryservice.com/\""));
        assertTrue(page.contains("WCAG 2.2 success criterion 1.4.10 (Reflow)"));
    }

    @Test
    void theCookiesPageNamesEachCookieAndHowLongTheApplicationsOneLasts() {
        var r = get("http-get-cookies.json", Map.of());
        assertEquals(200, r.getStatusCode());
        String page = r.getBody();
        assertTrue(page.contains("<title>Cookies - Involve</title>"), page);
        assertTrue(page.contains("involve-draft"));
        assertTrue(
                page.contains("It is deleted after 21 days."),
                "the draft period from the settings");
        assertTrue(page.contains("involve-staff"));
    }

    @Test
    void everyPublicPageFooterLinksToBothPagesAndSaysHowToContactUs() {
        String page =
                withContact(
                        "involvement-team@example.org",
                        "01632 960 001",
                        () -> get("http-get-roles.json", Map.of()).getBody());
        String footer = page.substring(page.indexOf("<footer"));
        assertTrue(footer.contains("href=\"/privacy\">Privacy notice</a>"), footer);
        assertTrue(footer.contains("href=\"/accessibility\">Accessibility statement</a>"));
        assertTrue(footer.contains("href=\"/cookies\">Cookies</a>"));
        assertTrue(footer.contains("Contact us"));
        assertTrue(
                footer.contains(
                        "href=\"mailto:involvement-team@example.org\">involvement-team@example.org</a>"));
        assertTrue(footer.contains("href=\"tel:+441632960001\">01632 960 001</a>"), footer);
    }

    @Test
    void withoutContactSettingsTheFooterOffersNoneAndTheNoticeSaysWhereToLook() {
        String notice =
                withContact(null, null, () -> get("http-get-privacy.json", Map.of()).getBody());
        assertFalse(notice.contains("mailto:"), "no address was set");
        assertFalse(notice.contains("id=\"contact-us\""));
        assertTrue(
                notice.contains(
                        "use the email address or phone number on the page of the role you applied for"));
        assertTrue(
                notice.contains("contact us and ask for them"), "no data protection officer set");
    }

    @Test
    void theFormsDeclarationsLinkToThePrivacyNotice() {
        String draft = journey.start(ExampleRoles.LEP).id();
        var r =
                get(
                        "http-get-section.json",
                        Map.of("SAMPLE_DRAFT", draft, "about-you", "declarations"));
        assertEquals(200, r.getStatusCode(), r.getBody());
        String page = r.getBody();
        assertTrue(
                page.contains(
                        "<a href=\"/privacy\" id=\"privacy-notice-link\">Read the privacy notice</a>"),
                page);
        assertTrue(page.contains("I have read the privacy notice"));
        // Other sections have no such link.
        String first = get("http-get-section.json", Map.of("SAMPLE_DRAFT", draft)).getBody();
        assertFalse(first.contains("privacy-notice-link"));
    }

    @Test
    void theDraftCookieLastsAsLongAsDraftsAreKept() {
        var r = get("http-post-start-application.json", Map.of());
        assertEquals(303, r.getStatusCode());
        String cookie = r.getCookies().get(0);
        assertTrue(cookie.contains("Max-Age=" + 21 * 24 * 3600), cookie);
    }

    /** Runs with the footer's contact settings as given (null for none), then puts them back. */
    private static String withContact(String email, String phone, Supplier<String> body) {
        Map<String, String> before =
                Map.of(
                        "CONTACT_EMAIL", String.valueOf(System.getProperty("CONTACT_EMAIL")),
                        "CONTACT_PHONE", String.valueOf(System.getProperty("CONTACT_PHONE")));
        set("CONTACT_EMAIL", email);
        set("CONTACT_PHONE", phone);
        try {
            return body.get();
        } finally {
            before.forEach((k, v) -> set(k, v.equals("null") ? null : v));
        }
    }

    private static void set(String name, String value) {
        if (value == null) System.clearProperty(name);
        else System.setProperty(name, value);
    }
}
