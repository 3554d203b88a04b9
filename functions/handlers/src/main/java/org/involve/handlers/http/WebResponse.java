package org.involve.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Responses with the security headers every page carries, and no caching of pages holding answers. */
public final class WebResponse {
    /** The NHS.UK frontend stylesheet loads its Frutiger font from here. */
    private static final String NHS_FONTS = "https://assets.nhs.uk";

    private WebResponse() {}

    private static Map<String, String> headers(String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        // Links carry one-use tokens, so no other site is told which page linked to it; same-origin
        // (not
        // no-referrer) lets browsers send our own Origin on our forms, which
        // WebRequest.requireOwnSite checks.
        h.put("Referrer-Policy", "same-origin");
        h.put("Content-Security-Policy", SecurityPolicy.VALUE);
        return h;
    }

    /** Built once, on first use: the settings it reads do not change while a function runs. */
    private static final class SecurityPolicy {
        static final String ASSET_ORIGIN =
                org.involve.adapters.Settings.optional("ASSETS_URL", "")
                        .replaceFirst("^(https?://[^/]+).*$", "$1");
        static final String VALUE =
                "default-src 'self'; img-src 'self' data:; style-src 'self' "
                        + ASSET_ORIGIN
                        + "; script-src 'self' "
                        + ASSET_ORIGIN
                        + "; font-src 'self' "
                        + ASSET_ORIGIN
                        + " "
                        + NHS_FONTS
                        + " data:; form-action 'self'; frame-ancestors 'none'";
    }

    public static APIGatewayV2HTTPResponse html(int status, String body, String... cookies) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers("text/html; charset=utf-8"))
                .withBody(body)
                .withCookies(cookies.length == 0 ? null : new ArrayList<>(List.of(cookies)))
                .build();
    }

    /**
     * A page whose form posts to another site, the receipts store (the file goes straight there, never through a
     * function): the page's policy lets forms post to that one origin as well as our own, and nowhere else.
     */
    public static APIGatewayV2HTTPResponse htmlWithFormTo(
            int status, String body, String formAction) {
        String origin = formAction.replaceFirst("^(https?://[^/]+).*$", "$1");
        if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d+)?"))
            throw new IllegalArgumentException("A form posts to an http(s) origin");
        APIGatewayV2HTTPResponse r = html(status, body);
        r.getHeaders()
                .put(
                        "Content-Security-Policy",
                        SecurityPolicy.VALUE.replace(
                                "form-action 'self'", "form-action 'self' " + origin));
        return r;
    }

    /**
     * 200 with a CSV file to download as {@code filename} (letters, digits, dots and dashes only). The body must already
     * be safe to open in a spreadsheet (see core's impact.Csv and equality's report).
     */
    public static APIGatewayV2HTTPResponse csv(String filename, String body) {
        if (!filename.matches("[A-Za-z0-9.-]+\\.csv"))
            throw new IllegalArgumentException(
                    "A CSV file name of letters, digits, dots and dashes");
        Map<String, String> h = headers("text/csv; charset=utf-8");
        h.put("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(h)
                .withBody(body)
                .build();
    }

    /**
     * 503 with a page saying to try again: the store could not take a change just now and nothing was saved. Browsers
     * and clients are told when trying again makes sense.
     */
    public static APIGatewayV2HTTPResponse tryAgain(String body) {
        APIGatewayV2HTTPResponse r = html(503, body);
        r.getHeaders().put("Retry-After", "30");
        return r;
    }

    /** A file to save (a subject access answer, a report): never cached, never shown in the page's place. */
    public static APIGatewayV2HTTPResponse download(
            String fileName, String contentType, String body) {
        Map<String, String> h = headers(contentType);
        h.put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(h)
                .withBody(body)
                .build();
    }

    /** 303 See Other: after a post, the browser fetches the next page, so Back and refresh never resend a form. */
    public static APIGatewayV2HTTPResponse seeOther(String location, String... cookies) {
        Map<String, String> h = headers("text/plain; charset=utf-8");
        h.put("Location", location);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(303)
                .withHeaders(h)
                .withCookies(cookies.length == 0 ? null : new ArrayList<>(List.of(cookies)))
                .withBody("")
                .build();
    }

    public static String cookie(
            String name, String value, String path, long maxAgeSeconds, boolean secure) {
        return name
                + "="
                + value
                + "; Path="
                + path
                + "; Max-Age="
                + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
