package org.involve.core.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

class SitePublisherTest {
    private static final LocalDate CLOSES = LocalDate.of(2026, 12, 8);
    private final InMemoryRoles roles = new InMemoryRoles();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Bucket site = new Bucket();
    private final SitePublisher publisher = new SitePublisher(roles, new Pages(), site, clock);

    @Test
    void publishingARoleWritesItsPageTheListThePrivacyNoticeAndTheFixedPages() {
        Role role = TestRoles.dayRate(CLOSES);
        roles.roles.put(role.id(), role);

        var published = publisher.publish();

        assertEquals(
                Set.of(
                        "roles",
                        "roles/day-rate-role",
                        "privacy",
                        "accessibility",
                        "cookies",
                        "errors/404.html",
                        "errors/5xx.html"),
                site.pages.keySet());
        assertEquals("open:[day-rate-role]", site.pages.get("roles"));
        assertEquals("role:day-rate-role:accepting", site.pages.get("roles/day-rate-role"));
        assertEquals("privacy:[Example Trust]", site.pages.get("privacy"));
        assertEquals(new SitePublisher.Published(7, 0), published);
    }

    @Test
    void withdrawingARoleRemovesItsPageAndTakesItOffTheList() {
        Role role = TestRoles.dayRate(CLOSES);
        roles.roles.put(role.id(), role);
        publisher.publish();

        roles.roles.put(role.id(), role.withStatus(RoleStatus.WITHDRAWN));
        var published = publisher.publish();

        assertFalse(site.pages.containsKey("roles/day-rate-role"));
        assertEquals("open:[]", site.pages.get("roles"));
        assertEquals("privacy:[]", site.pages.get("privacy"));
        assertEquals(1, published.removed());
        assertEquals(List.of("roles/day-rate-role"), site.deleted);
    }

    @Test
    void aDraftRoleIsNeverPublishedAndARoleGoneFromTheTableLosesItsPage() {
        Role draft = TestRoles.dayRate(CLOSES).withStatus(RoleStatus.DRAFT);
        roles.roles.put(draft.id(), draft);
        site.pages.put("roles/deleted-role", "old");

        publisher.publish();

        assertFalse(site.pages.containsKey("roles/day-rate-role"));
        assertFalse(site.pages.containsKey("roles/deleted-role"));
        assertEquals("open:[]", site.pages.get("roles"));
    }

    /** After its closing time a role's page stays (it says applications have closed), but it leaves the list. */
    @Test
    void aClosedRoleKeepsItsPageSayingSoAndLeavesTheList() {
        Role role = TestRoles.dayRate(CLOSES);
        roles.roles.put(role.id(), role);
        clock.advance(Duration.ofDays(8));

        publisher.publish();
        assertEquals("role:day-rate-role:closed", site.pages.get("roles/day-rate-role"));
        assertEquals("open:[]", site.pages.get("roles"));

        roles.roles.put(role.id(), role.withStatus(RoleStatus.SHORTLISTING));
        publisher.publish();
        assertEquals("role:day-rate-role:closed", site.pages.get("roles/day-rate-role"));
    }

    @Test
    void publishingAgainGivesTheSameSite() {
        Role role = TestRoles.dayRate(CLOSES);
        roles.roles.put(role.id(), role);
        publisher.publish();
        Map<String, String> once = new TreeMap<>(site.pages);

        var again = publisher.publish();

        assertEquals(once, site.pages);
        assertEquals(0, again.removed());
        assertTrue(site.deleted.isEmpty());
    }

    /** Stands for the published pages: says which page and what it was given. */
    private static final class Pages implements SitePages {
        @Override
        public String openRoles(List<Role> open) {
            return "open:" + open.stream().map(Role::id).toList();
        }

        @Override
        public String role(Role role, boolean acceptingNow) {
            return "role:" + role.id() + ":" + (acceptingNow ? "accepting" : "closed");
        }

        @Override
        public String privacy(List<String> organisations) {
            return "privacy:" + organisations;
        }

        @Override
        public String accessibility() {
            return "accessibility";
        }

        @Override
        public String cookies() {
            return "cookies";
        }

        @Override
        public String notFound() {
            return "not found";
        }

        @Override
        public String fault() {
            return "fault";
        }
    }

    private static final class Bucket implements StaticSite {
        final Map<String, String> pages = new TreeMap<>();
        final List<String> deleted = new java.util.ArrayList<>();

        @Override
        public void put(String key, String html) {
            pages.put(key, html);
        }

        @Override
        public void delete(String key) {
            if (pages.remove(key) != null) deleted.add(key);
        }

        @Override
        public Set<String> keys(String prefix) {
            return pages.keySet().stream()
                    .filter(k -> k.startsWith(prefix))
                    .collect(Collectors.toSet());
        }
    }
}
