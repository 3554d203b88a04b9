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
    /** Our forms are a few kilobytes; anything larger is refused before it is parsed. */
    public static final int MAXIMUM_BODY_BYTES = 64 * 1024;

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

    /** The posted form: refuses a body over 64 KB (413), anything but a URL-encoded form (415), or broken encoding (400). */
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
