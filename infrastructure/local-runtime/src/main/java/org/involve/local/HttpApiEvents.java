package org.involve.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway's HTTP API sends a function (payload format 2.0): lower-case headers with repeated
 * values joined by commas, cookies in their own list, and a body that is base64-encoded unless its content type is
 * text (so a posted form arrives base64-encoded, as it does in AWS).
 */
final class HttpApiEvents {
    static final String ACCOUNT_ID = "000000000000";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private HttpApiEvents() {}

    static APIGatewayV2HTTPEvent from(
            IncomingRequest request, HttpRoutes.Match route, String requestId, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers()
                .forEach(
                        (name, values) -> {
                            String lower = name.toLowerCase(Locale.ROOT);
                            if (lower.equals("cookie")) {
                                values.forEach(
                                        v ->
                                                Arrays.stream(v.split(";"))
                                                        .map(String::trim)
                                                        .filter(c -> !c.isEmpty())
                                                        .forEach(cookies::add));
                            } else {
                                headers.merge(
                                        lower, String.join(",", values), (a, b) -> a + "," + b);
                            }
                        });
        String host = headers.getOrDefault("host", "localhost");
        var http =
                APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build();
        var context =
                APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId(ACCOUNT_ID)
                        .withApiId("local")
                        .withDomainName(host)
                        .withDomainPrefix(host.split("[.:]")[0])
                        .withStage("$default")
                        .withRouteKey(route.routeKey())
                        .withRequestId(requestId)
                        .withTime(TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(http)
                        .build();
        var event =
                APIGatewayV2HTTPEvent.builder()
                        .withVersion("2.0")
                        .withRouteKey(route.routeKey())
                        .withRawPath(request.rawPath())
                        .withRawQueryString(request.rawQuery() == null ? "" : request.rawQuery())
                        .withHeaders(headers)
                        .withCookies(cookies.isEmpty() ? null : cookies)
                        .withQueryStringParameters(queryParameters(request.rawQuery()))
                        .withPathParameters(
                                route.pathParameters().isEmpty() ? null : route.pathParameters())
                        .withRequestContext(context)
                        .withIsBase64Encoded(false)
                        .build();
        setBody(event, request.body(), headers.get("content-type"));
        return event;
    }

    private static void setBody(APIGatewayV2HTTPEvent event, byte[] body, String contentType) {
        if (body == null || body.length == 0) return;
        if (isText(contentType)) {
            event.setBody(new String(body, StandardCharsets.UTF_8));
        } else {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript");
    }

    /** Repeated names are joined by commas, as payload 2.0 does; null when there is no query string. */
    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params.isEmpty() ? null : params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s; // API Gateway passes malformed escapes through rather than failing the
            // request
        }
    }
}
