package org.involve.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.involve.core.kit.Words;

/** An API Gateway HTTP API request, with the checks every form post must pass before anything is read. */
public final class WebRequest {
    /**
     * Anything larger is refused before it is parsed. The largest form (a whole application with a dozen criteria,
     * every answer at its limit) is about 470 KB when every character takes 12 bytes form-encoded, as one outside
     * ASCII can, so 1 MB leaves room; it stays far below the 6 MB a Lambda function can be sent.
     */
    public static final int MAXIMUM_BODY_BYTES = 1024 * 1024;

    private static final int MAXIMUM_FIELDS = 200;
    private static final Words WORDS = Words.of("common");

    private final APIGatewayV2HTTPEvent event;

    public WebRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** The event as API Gateway sent it, for what reads more than the request (the signed-in person). */
    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    public String method() {
        var ctx = event.getRequestContext();
        return ctx != null && ctx.getHttp() != null
                ? ctx.getHttp().getMethod().toUpperCase(Locale.ROOT)
                : "GET";
    }

    /**
     * The network address the request came from, as API Gateway saw it (the client's; null when the event has none).
     * Used only to count requests under a one-way key, never stored or logged.
     */
    /**
     * Where the request came from. Behind CloudFront, API Gateway sees CloudFront's address, shared by many people, so
     * the viewer's own address is taken from the CloudFront-Viewer-Address header CloudFront sets ("address:port"),
     * when there is one.
     */
    public String sourceIp() {
        Optional<String> viewer =
                header("cloudfront-viewer-address").filter(v -> v.lastIndexOf(':') > 0);
        if (viewer.isPresent()) return viewer.get().substring(0, viewer.get().lastIndexOf(':'));
        var ctx = event.getRequestContext();
        return ctx != null && ctx.getHttp() != null ? ctx.getHttp().getSourceIp() : null;
    }

    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public String pathParameter(String name) {
        Map<String, String> p = event.getPathParameters();
        return p == null ? null : p.get(name);
    }

    public Optional<String> query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        return Optional.ofNullable(q == null ? null : q.get(name));
    }

    public Optional<String> header(String name) {
        Map<String, String> h = event.getHeaders();
        if (h == null) return Optional.empty();
        return h.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<String> cookie(String name) {
        List<String> cookies = event.getCookies();
        if (cookies == null) return Optional.empty();
        return cookies.stream()
                .flatMap(c -> java.util.Arrays.stream(c.split(";\\s*")))
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1))
                .findFirst();
    }

    /**
     * Refuses (403, before any action runs) a request that could change something (anything but GET and HEAD) unless
     * the browser says it was sent from this site's own pages, so that another website cannot post a form here with
     * a member of staff's cookie or in an applicant's name. The site's own origin is the address the browser sent the
     * request to (its Host header: the same on AWS and on the local runtime's port, with no setting to keep in step),
     * and SITE_URL and STAFF_SITE_URL where set (in case a proxy in front rewrites Host). An {@code Origin} of
     * {@code null} counts as none: browsers send it on posts from a page whose Referrer-Policy is no-referrer (as
     * ours were; an open tab may still be one). Without one, {@code Sec-Fetch-Site} must say same-origin or none
     * (typed in); with neither, refused.
     */
    public void requireOwnSite() {
        boolean changes = !method().equals("GET") && !method().equals("HEAD");
        if (!changes && !routeKey().startsWith("POST ")) return;
        if (!fromOwnSite(
                header("origin").orElse(null),
                header("sec-fetch-site").orElse(null),
                header("host").orElse(""),
                OwnSite.CONFIGURED)) {
            throw new BadRequest(
                    403,
                    WORDS.get("error.foreign-form.title"),
                    WORDS.get("error.foreign-form.body"));
        }
    }

    static boolean fromOwnSite(
            String origin, String fetchSite, String host, List<String> configuredOrigins) {
        if (origin == null || origin.isBlank() || origin.trim().equals("null")) {
            return fetchSite != null
                    && (fetchSite.equalsIgnoreCase("same-origin")
                            || fetchSite.equalsIgnoreCase("none"));
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (configuredOrigins.contains(o)) return true;
        String scheme = o.startsWith("https://") ? "https" : o.startsWith("http://") ? "http" : "";
        if (scheme.isEmpty() || host.isBlank()) return false;
        return authority(o.substring(scheme.length() + 3), scheme)
                .equals(authority(host.trim().toLowerCase(Locale.ROOT), scheme));
    }

    /** host[:port] without the scheme's default port, as browsers write it in Origin and Host. */
    private static String authority(String hostAndPort, String scheme) {
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        return hostAndPort.endsWith(defaultPort)
                ? hostAndPort.substring(0, hostAndPort.length() - defaultPort.length())
                : hostAndPort;
    }

    /** The site's addresses from the settings (scheme, host and port only), read once: they do not change. */
    private static final class OwnSite {
        static final List<String> CONFIGURED =
                java.util.stream.Stream.of("SITE_URL", "STAFF_SITE_URL")
                        .map(name -> org.involve.adapters.Settings.optional(name, ""))
                        .filter(url -> !url.isBlank())
                        .map(url -> url.trim().toLowerCase(Locale.ROOT))
                        .map(url -> url.replaceFirst("^(https?://[^/]+).*$", "$1"))
                        .toList();
    }

    /** The posted form: refuses a body over {@link #MAXIMUM_BODY_BYTES} (413), anything but a URL-encoded form (415), or broken encoding (400). */
    public Map<String, String> form() {
        byte[] body = bodyBytes();
        if (body.length > MAXIMUM_BODY_BYTES) {
            throw new BadRequest(
                    413,
                    WORDS.get("error.form-too-large.title"),
                    WORDS.get("error.form-too-large.body"));
        }
        String type = header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequest(
                    415,
                    WORDS.get("error.form-unreadable.title"),
                    WORDS.get("error.form-wrong-type.body"));
        }
        return parseForm(decodeUtf8(body));
    }

    private byte[] bodyBytes() {
        String b = event.getBody();
        if (b == null) return new byte[0];
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(b);
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
        }
        return b.getBytes(StandardCharsets.UTF_8);
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) return form;
        String[] pairs = body.split("&");
        if (pairs.length > MAXIMUM_FIELDS) throw malformed();
        for (String pair : pairs) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String key =
                        URLDecoder.decode(
                                eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value =
                        eq < 0
                                ? ""
                                : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.merge(
                        key,
                        value,
                        (a, b) -> a.isEmpty() ? b : a); // a repeated field keeps its first answer
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
        }
        return form;
    }

    private static BadRequest malformed() {
        return new BadRequest(
                400,
                WORDS.get("error.form-unreadable.title"),
                WORDS.get("error.form-malformed.body"));
    }
}
