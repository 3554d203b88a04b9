package org.involve.handlers.views;

import org.involve.adapters.Settings;

import static org.involve.core.kit.Html.escape;

/**
 * The NHS.UK frontend page: skip link, header with the service name, one main region, footer.
 * Pages work without JavaScript; the frontend's script only enhances them.
 */
public final class Layout {
    public static final String SERVICE = "Involve";

    private Layout() {}

    static String assets() {
        return Settings.optional("ASSETS_URL", "/assets");
    }

    /**
     * What differs between the public site and the staff pages: the service name and where it links, the line under
     * it, the navigation under the header (HTML, or empty), the footer's links and whether the main column is wide.
     */
    public record Chrome(String serviceName, String homeHref, String descriptor, String navigation, String footerLinks, boolean wide) {
        public Chrome withWide(boolean wide) {
            return new Chrome(serviceName, homeHref, descriptor, navigation, footerLinks, wide);
        }
    }

    /** The public site's header and footer. */
    public static final Chrome PUBLIC = new Chrome(SERVICE, "/roles", "Patient and public voice partners", "",
            "<li class=\"nhsuk-footer__list-item\"><a class=\"nhsuk-footer__list-item-link\" href=\"/roles\">Open roles</a></li>", false);

    /** @param title the page's own title; prefixed with "Error: " when the page shows errors, as the NHS.UK pattern asks */
    public static String page(String title, boolean hasErrors, String backLink, String content) {
        return page(PUBLIC, title, hasErrors, backLink, content);
    }

    /** The page with the given header, navigation and footer; the head, skip link and scripts are the same everywhere. */
    public static String page(Chrome chrome, String title, boolean hasErrors, String backLink, String content) {
        String a = assets();
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<title>" + (hasErrors ? "Error: " : "") + escape(title) + " - " + escape(chrome.serviceName()) + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">"
                + "<meta name=\"theme-color\" content=\"#005eb8\">"
                + "<link rel=\"icon\" href=\"" + a + "/nhsuk/images/favicon.ico\" sizes=\"48x48\">"
                + "<link rel=\"stylesheet\" href=\"" + a + "/nhsuk/nhsuk-frontend.min.css\">"
                + "<link rel=\"stylesheet\" href=\"" + a + "/involve.css\">"
                + "</head><body>"
                + "<script src=\"" + a + "/js-enabled.js\"></script>"
                + "<a class=\"nhsuk-skip-link\" href=\"#maincontent\" data-module=\"nhsuk-skip-link\">Skip to main content</a>"
                + "<header class=\"nhsuk-header\" data-module=\"nhsuk-header\" role=\"banner\"><div class=\"nhsuk-header__container nhsuk-width-container\">"
                + "<div class=\"nhsuk-header__service\"><a class=\"nhsuk-header__service-name involve-service-name\" href=\"" + escape(chrome.homeHref()) + "\">"
                + escape(chrome.serviceName())
                + (chrome.descriptor() == null || chrome.descriptor().isEmpty() ? "" : "<span class=\"involve-service-descriptor\">" + escape(chrome.descriptor()) + "</span>")
                + "</a></div></div>" + chrome.navigation() + "</header>"
                + "<div class=\"nhsuk-width-container\">"
                + (backLink == null ? "" : "<div class=\"nhsuk-back-link\"><a class=\"nhsuk-back-link__link\" href=\"" + escape(backLink) + "\">Back</a></div>")
                + "<main class=\"nhsuk-main-wrapper\" id=\"maincontent\"><div class=\"nhsuk-grid-row\"><div class=\""
                + (chrome.wide() ? "nhsuk-grid-column-full" : "nhsuk-grid-column-two-thirds") + "\">"
                + content
                + "</div></div></main></div>"
                + "<footer class=\"nhsuk-footer\" role=\"contentinfo\"><div class=\"nhsuk-width-container\"><div class=\"nhsuk-footer__meta\">"
                + "<h2 class=\"nhsuk-u-visually-hidden\">Support links</h2><ul class=\"nhsuk-footer__list\">"
                + chrome.footerLinks()
                + "</ul><p class=\"nhsuk-body-s\">" + SERVICE + " helps health and care organisations involve people with lived experience.</p>"
                + "</div></div></footer>"
                + "<script type=\"module\" src=\"" + a + "/start.mjs\"></script>"
                + "</body></html>";
    }
}
