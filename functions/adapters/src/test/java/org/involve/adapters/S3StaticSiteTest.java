package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.kit.Read;
import org.involve.core.publishing.SitePages;
import org.involve.core.publishing.SitePublisher;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.emulators.EmbeddedS3;
import org.involve.emulators.LocalS3;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The published pages in the template's SiteBucket, on the S3 emulator: publishing writes them, withdrawing removes. */
@LocalS3
class S3StaticSiteTest {
    private static final String BUCKET = EmbeddedS3.bucketName("SiteBucket");
    private final S3Client s3;
    private final S3StaticSite site;

    S3StaticSiteTest(EmbeddedS3 emulator, S3Client s3) {
        this.s3 = s3;
        emulator.emptyBucket("SiteBucket");
        this.site = new S3StaticSite(AwsClients.s3(), BUCKET);
    }

    @BeforeEach
    void empty() {
        assertEquals(Set.of(), site.keys(""));
    }

    private String read(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asString(StandardCharsets.UTF_8);
    }

    @Test
    void aPageIsStoredAsHtmlWithAShortCacheLifeAndReplacedWhenWrittenAgain() {
        site.put("roles/abc", "<p>Café</p>");
        site.put("roles/abc", "<p>Café, again</p>");

        var head = s3.headObject(b -> b.bucket(BUCKET).key("roles/abc"));
        // The emulator drops the space S3 keeps.
        assertEquals("text/html;charset=utf-8", head.contentType().replace(" ", ""));
        assertEquals("public, max-age=0, s-maxage=60", head.cacheControl());
        assertEquals("<p>Café, again</p>", read("roles/abc"));
        assertEquals(Set.of("roles/abc"), site.keys("roles/"));
    }

    @Test
    void keysListsOnlyThePrefixAndDeleteIsQuietWhenNothingIsThere() {
        site.put("roles", "list");
        site.put("roles/a", "a");
        site.put("privacy", "p");
        assertEquals(Set.of("roles/a"), site.keys("roles/"));

        site.delete("roles/a");
        site.delete("roles/never-there");

        assertEquals(Set.of(), site.keys("roles/"));
        assertTrue(site.keys("").contains("privacy"));
    }

    @Test
    void publishingARoleWritesItsPagesAndWithdrawingItRemovesThem() {
        Roles roles = new Roles();
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2026, 12, 8));
        roles.save(role);
        SitePublisher publisher =
                new SitePublisher(
                        roles,
                        new Pages(),
                        site,
                        Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

        publisher.publish();
        assertEquals("role " + role.id(), read("roles/" + role.id()));
        assertEquals("open [" + role.id() + "]", read("roles"));
        assertEquals("not found", read(SitePublisher.NOT_FOUND_PAGE));
        assertEquals(
                Set.of(
                        "roles",
                        "roles/" + role.id(),
                        "privacy",
                        "accessibility",
                        "cookies",
                        SitePublisher.NOT_FOUND_PAGE,
                        SitePublisher.FAULT_PAGE),
                site.keys(""));

        roles.save(role.withStatus(RoleStatus.WITHDRAWN));
        var again = publisher.publish();

        assertEquals(1, again.removed());
        assertFalse(site.keys("").contains("roles/" + role.id()));
        try {
            read("roles/" + role.id());
            throw new AssertionError("the withdrawn role's page is still there");
        } catch (NoSuchKeyException expected) {
            // gone
        }
        assertEquals("open []", read("roles"));
    }

    /** Roles by id, as the roles table keeps them. */
    private static final class Roles implements RoleReader {
        final Map<String, Role> roles = new LinkedHashMap<>();

        void save(Role role) {
            roles.put(role.id(), role);
        }

        @Override
        public Optional<Role> find(String roleId, Read read) {
            return Optional.ofNullable(roles.get(roleId));
        }

        @Override
        public List<Role> published() {
            return roles.values().stream().filter(r -> r.status() == RoleStatus.OPEN).toList();
        }

        @Override
        public List<Role> beingShortlisted() {
            return List.of();
        }

        @Override
        public List<Role> closedBy(Instant now) {
            return List.of();
        }

        @Override
        public List<Role> all() {
            return List.copyOf(roles.values());
        }
    }

    private static final class Pages implements SitePages {
        @Override
        public String openRoles(List<Role> open) {
            return "open " + open.stream().map(Role::id).toList();
        }

        @Override
        public String role(Role role, boolean acceptingNow) {
            return "role " + role.id();
        }

        @Override
        public String privacy(List<String> organisations) {
            return "privacy";
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
}
