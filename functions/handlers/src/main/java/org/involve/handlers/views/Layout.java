package org.involve.handlers.views;

import java.util.List;
import org.involve.adapters.Settings;
import org.involve.core.kit.Words;
import org.involve.core.paths.PublicPaths;

/**
 * The NHS.UK frontend page (layout/page.jte): skip link, header with the service name, one main region, footer.
 * Pages work without JavaScript; the frontend's script only enhances them.
 */
public final class Layout {
    private static final Words COMMON = Words.of("common");
    public static final String SERVICE = COMMON.get("service.name");

    private Layout() {}

    /** Where the stylesheets, scripts and images are served from. */
    public static String assets() {
        return Settings.optional("ASSETS_URL", "/assets");
    }

    /**
     * What differs between the public site and the staff pages: the service name and where it links, the line under
     * it (or null), the navigation under the header and its name for screen readers (null for none), the footer's links and whether the main column
     * is the full width, and for a signed-in member of staff their session (the warning before it ends, null elsewhere).
     */
    public record Chrome(
            String serviceName,
            String homeHref,
            String descriptor,
            String navigationLabel,
            List<Link> navigation,
            List<Link> footerLinks,
            boolean wide,
            StaffSession.Shown session) {
        /** A chrome with no staff session (the public pages, and staff pages for someone not signed in). */
        public Chrome(
                String serviceName,
                String homeHref,
                String descriptor,
                String navigationLabel,
                List<Link> navigation,
                List<Link> footerLinks,
                boolean wide) {
            this(
                    serviceName,
                    homeHref,
                    descriptor,
                    navigationLabel,
                    navigation,
                    footerLinks,
                    wide,
                    null);
        }

        public Chrome withWide(boolean wide) {
            return new Chrome(
                    serviceName,
                    homeHref,
                    descriptor,
                    navigationLabel,
                    navigation,
                    footerLinks,
                    wide,
                    session);
        }
    }

    /** The public site's header and footer. */
    public static final Chrome PUBLIC =
            new Chrome(
                    SERVICE,
                    "/roles",
                    COMMON.get("layout.public.descriptor"),
                    null,
                    null,
                    List.of(
                            new Link(COMMON.get("layout.public.footer.openRoles"), "/roles"),
                            privacyLink(),
                            accessibilityLink(),
                            cookiesLink()),
                    false);

    /** The privacy notice, in every page's footer (public and staff). */
    public static Link privacyLink() {
        return new Link(COMMON.get("layout.footer.privacy"), PublicPaths.PRIVACY.fill());
    }

    /** The accessibility statement, in every page's footer (public and staff). */
    public static Link accessibilityLink() {
        return new Link(
                COMMON.get("layout.footer.accessibility"), PublicPaths.ACCESSIBILITY.fill());
    }

    /** The cookies page, in every page's footer (public and staff). */
    public static Link cookiesLink() {
        return new Link(COMMON.get("layout.footer.cookies"), PublicPaths.COOKIES.fill());
    }

    /** Who to contact, in every page's footer: from the settings, read when the page is drawn. */
    public static OrganisationContact contact() {
        return OrganisationContact.fromSettings();
    }
}
