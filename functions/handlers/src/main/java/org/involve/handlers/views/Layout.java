package org.involve.handlers.views;

import org.involve.adapters.Settings;

import static org.involve.core.mail.Html.escape;

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

    /** @param title the page's own title; prefixed with "Error: " when the page shows errors, as the NHS.UK pattern asks */
    public static String page(String title, boolean hasErrors, String backLink, String content) {
        String a = assets();
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<title>" + (hasErrors ? "Error: " : "") + escape(title) + " - " + SERVICE + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">"
                + "<meta name=\"theme-color\" content=\"#005eb8\">"
                + "<link rel=\"icon\" href=\"" + a + "/nhsuk/images/favicon.ico\" sizes=\"48x48\">"
                + "<link rel=\"stylesheet\" href=\"" + a + "/nhsuk/nhsuk-frontend.min.css\">"
                + "<link rel=\"stylesheet\" href=\"" + a + "/involve.css\">"
                + "</head><body>"
                + "<script src=\"" + a + "/js-enabled.js\"></script>"
                + "<a class=\"nhsuk-skip-link\" href=\"#maincontent\" data-module=\"nhsuk-skip-link\">Skip to main content</a>"
                + "<header class=\"nhsuk-header\" data-module=\"nhsuk-header\" role=\"banner\"><div class=\"nhsuk-header__container nhsuk-width-container\">"
                + "<div class=\"nhsuk-header__service\"><a class=\"nhsuk-header__service-name involve-service-name\" href=\"/roles\">" + SERVICE
                + "<span class=\"involve-service-descriptor\">Patient and public voice partners</span></a></div></div></header>"
                + "<div class=\"nhsuk-width-container\">"
                + (backLink == null ? "" : "<div class=\"nhsuk-back-link\"><a class=\"nhsuk-back-link__link\" href=\"" + escape(backLink) + "\">Back</a></div>")
                + "<main class=\"nhsuk-main-wrapper\" id=\"maincontent\"><div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-two-thirds\">"
                + content
                + "</div></div></main></div>"
                + "<footer class=\"nhsuk-footer\" role=\"contentinfo\"><div class=\"nhsuk-width-container\"><div class=\"nhsuk-footer__meta\">"
                + "<h2 class=\"nhsuk-u-visually-hidden\">Support links</h2><ul class=\"nhsuk-footer__list\">"
                + "<li class=\"nhsuk-footer__list-item\"><a class=\"nhsuk-footer__list-item-link\" href=\"/roles\">Open roles</a></li>"
                + "</ul><p class=\"nhsuk-body-s\">" + SERVICE + " helps health and care organisations involve people with lived experience.</p>"
                + "</div></div></footer>"
                + "<script type=\"module\" src=\"" + a + "/start.mjs\"></script>"
                + "</body></html>";
    }
}
