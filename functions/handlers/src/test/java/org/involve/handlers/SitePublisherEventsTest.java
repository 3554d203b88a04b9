package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
import org.involve.core.paths.PublicPaths;
import org.involve.core.publishing.SitePublisher;
import org.involve.core.publishing.StaticSite;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/**
 * The published pages (issue 12, item 1) are the pages the public site draws when asked: the same templates, the
 * same words, the same settings, byte for byte, so a reader cannot tell a page from the bucket from one the function
 * drew.
 */
class SitePublisherEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final Retention retention = new Retention(21, 18, 4, 7, 45);
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
                            new InMemoryOutbox(new RecordingMailQueue())));
    private final PublicSiteHandler site = new PublicSiteHandler(journey, false, retention);
    private final Bucket bucket = new Bucket();
    private final SitePublisherHandler publisher =
            new SitePublisherHandler(
                    new SitePublisher(roles, new TemplateSitePages(retention), bucket, clock));

    SitePublisherEventsTest() {
        ExampleRoles.all(clock).forEach(roles::save);
    }

    private String drawn(String routeKey, String path, Map<String, String> parameters, int status) {
        var response = site.handleRequest(Priming.get(routeKey, path, parameters), null);
        assertEquals(status, response.getStatusCode(), path);
        return response.getBody();
    }

    @Test
    void eachPublishedPageIsThePageTheSiteDraws() {
        Map<String, Object> summary =
                publisher.handleRequest(Map.of("Records", java.util.List.of()), null);

        assertEquals(0, summary.get("removed"));
        assertEquals(drawn("GET /roles", "/roles", Map.of(), 200), bucket.pages.get("roles"));
        int shown = 0;
        for (Role role : roles.all()) {
            String key = "roles/" + role.id();
            boolean public_ =
                    role.status() != RoleStatus.DRAFT && role.status() != RoleStatus.WITHDRAWN;
            assertEquals(public_, bucket.pages.containsKey(key), key);
            if (!public_) continue;
            shown++;
            assertEquals(
                    drawn(
                            "GET " + PublicPaths.ROLE.template(),
                            PublicPaths.ROLE.fill(role.id()),
                            Map.of("roleId", role.id()),
                            200),
                    bucket.pages.get(key),
                    key);
        }
        assertTrue(shown >= 2, "the example roles include open and closed ones: " + shown);
        for (String page : new String[] {"privacy", "accessibility", "cookies"})
            assertEquals(
                    drawn("GET /" + page, "/" + page, Map.of(), 200), bucket.pages.get(page), page);
        assertEquals(
                drawn("ANY /{proxy+}", "/no-such-page", Map.of("proxy", "no-such-page"), 404),
                bucket.pages.get(SitePublisher.NOT_FOUND_PAGE));
        assertTrue(
                bucket.pages.get(SitePublisher.FAULT_PAGE).contains("<title>"),
                "the fault page is a whole page");
        assertFalse(bucket.pages.get(SitePublisher.FAULT_PAGE).contains("Page not found"));
    }

    @Test
    void aWithdrawnRolesPageIsRemovedAndTheSiteThenSaysNotFoundToo() {
        publisher.handleRequest(Map.of(), null);
        Role open = journey.openRoles().get(0);
        roles.save(open.withStatus(RoleStatus.WITHDRAWN));

        Map<String, Object> summary = publisher.handleRequest(Map.of(), null);

        assertEquals(1, summary.get("removed"));
        assertFalse(bucket.pages.containsKey("roles/" + open.id()));
        assertFalse(bucket.pages.get("roles").contains(open.title()));
        drawn(
                "GET " + PublicPaths.ROLE.template(),
                PublicPaths.ROLE.fill(open.id()),
                Map.of("roleId", open.id()),
                404);
    }

    private static final class Bucket implements StaticSite {
        final Map<String, String> pages = new TreeMap<>();

        @Override
        public void put(String key, String html) {
            pages.put(key, html);
        }

        @Override
        public void delete(String key) {
            pages.remove(key);
        }

        @Override
        public Set<String> keys(String prefix) {
            return pages.keySet().stream()
                    .filter(k -> k.startsWith(prefix))
                    .collect(Collectors.toSet());
        }
    }
}
