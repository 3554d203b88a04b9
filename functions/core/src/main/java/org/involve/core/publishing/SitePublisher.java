package org.involve.core.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;

/**
 * Publishes the pages that are the same for everyone: the open roles, the page of every role the public may see (each
 * is the start of its application form), the privacy notice (it names the organisations of the open roles), the
 * accessibility statement, the cookies page and the error pages. Run whenever a role changes (published, edited,
 * closed, withdrawn): it writes what every page should be now and removes the page of any role no longer shown (a
 * withdrawn or deleted one). Running it again, or late, or for a change already published, gives the same site.
 */
public final class SitePublisher {
    /** The error pages CloudFront shows (its custom error responses name these keys). */
    public static final String NOT_FOUND_PAGE = "errors/404.html";

    public static final String FAULT_PAGE = "errors/5xx.html";

    private static final String ROLE_PAGES = key(PublicPaths.ROLES.fill()) + "/";

    private final RoleReader roles;
    private final SitePages pages;
    private final StaticSite site;
    private final Clock clock;

    public SitePublisher(RoleReader roles, SitePages pages, StaticSite site, Clock clock) {
        this.roles = roles;
        this.pages = pages;
        this.site = site;
        this.clock = clock;
    }

    /** What a run did: pages written and role pages removed (counts only: it is logged). */
    public record Published(int written, int removed) {}

    public Published publish() {
        Instant now = clock.instant();
        List<Role> shown = roles.all().stream().filter(SitePublisher::shown).toList();
        List<Role> open =
                roles.published().stream().filter(r -> r.acceptsApplicationsAt(now)).toList();
        Map<String, String> want = new LinkedHashMap<>();
        want.put(key(PublicPaths.ROLES.fill()), pages.openRoles(open));
        for (Role role : shown)
            want.put(
                    key(PublicPaths.ROLE.fill(role.id())),
                    pages.role(role, role.acceptsApplicationsAt(now)));
        want.put(
                key(PublicPaths.PRIVACY.fill()),
                pages.privacy(open.stream().map(Role::organisation).toList()));
        want.put(key(PublicPaths.ACCESSIBILITY.fill()), pages.accessibility());
        want.put(key(PublicPaths.COOKIES.fill()), pages.cookies());
        want.put(NOT_FOUND_PAGE, pages.notFound());
        want.put(FAULT_PAGE, pages.fault());
        want.forEach(site::put);
        List<String> gone =
                site.keys(ROLE_PAGES).stream().filter(k -> !want.containsKey(k)).sorted().toList();
        gone.forEach(site::delete);
        return new Published(want.size(), gone.size());
    }

    /** Whether the public may see the role's page: the public site answers "not found" for drafts and withdrawn roles. */
    static boolean shown(Role role) {
        return role.status() != RoleStatus.DRAFT && role.status() != RoleStatus.WITHDRAWN;
    }

    /** The key of the page at an address: the address without its leading slash. */
    public static String key(String path) {
        return path.substring(1);
    }
}
