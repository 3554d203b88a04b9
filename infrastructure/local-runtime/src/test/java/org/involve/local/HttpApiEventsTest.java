package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
    private static final HttpRoutes.Match ROUTE =
            new HttpRoutes.Match(
                    "PublicSiteFunction", "POST /roles/{roleId}/apply", Map.of("roleId", "abc"));
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void buildsAPayloadTwoEventWithLowerCaseHeadersCookiesAndParameters() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("localhost:3000"));
        headers.put("User-Agent", List.of("test-browser"));
        headers.put("Accept", List.of("text/html", "application/xhtml+xml"));
        headers.put("Cookie", List.of("involve-draft=d1; theme=dark"));
        var event =
                HttpApiEvents.from(
                        request("GET", "a=1&b=x%20y&a=2", headers, new byte[0]),
                        ROUTE,
                        "req-1",
                        NOW);

        assertEquals("2.0", event.getVersion());
        assertEquals("POST /roles/{roleId}/apply", event.getRouteKey());
        assertEquals("/roles/abc/apply", event.getRawPath());
        assertEquals("a=1&b=x%20y&a=2", event.getRawQueryString());
        assertEquals(Map.of("a", "1,2", "b", "x y"), event.getQueryStringParameters());
        assertEquals(Map.of("roleId", "abc"), event.getPathParameters());
        assertEquals("text/html,application/xhtml+xml", event.getHeaders().get("accept"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("involve-draft=d1", "theme=dark"), event.getCookies());
        assertEquals("req-1", event.getRequestContext().getRequestId());
        assertEquals(NOW.toEpochMilli(), event.getRequestContext().getTimeEpoch());
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertEquals("127.0.0.1", event.getRequestContext().getHttp().getSourceIp());
        assertEquals("test-browser", event.getRequestContext().getHttp().getUserAgent());
        assertNull(event.getBody());
    }

    @Test
    void base64EncodesAPostedFormAsApiGatewayDoesButNotText() {
        byte[] form = "name=Ann&answer=caf%C3%A9".getBytes(StandardCharsets.UTF_8);
        var posted =
                HttpApiEvents.from(
                        request(
                                "POST",
                                null,
                                Map.of(
                                        "Content-Type",
                                        List.of("application/x-www-form-urlencoded")),
                                form),
                        ROUTE,
                        "r",
                        NOW);
        assertTrue(posted.getIsBase64Encoded());
        assertArrayEquals(form, Base64.getDecoder().decode(posted.getBody()));
        assertNull(posted.getQueryStringParameters());

        var json =
                HttpApiEvents.from(
                        request(
                                "POST",
                                null,
                                Map.of("content-type", List.of("application/json; charset=utf-8")),
                                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                        ROUTE,
                        "r",
                        NOW);
        assertFalse(json.getIsBase64Encoded());
        assertEquals("{\"a\":1}", json.getBody());
    }

    @Test
    void writesEachResponseCookieAsASetCookieHeaderAndDecodesABase64Body() {
        var response =
                APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(303)
                        .withHeaders(Map.of("Location", "/roles/abc/apply/about-you"))
                        .withCookies(List.of("a=1; Path=/", "b=2; HttpOnly"))
                        .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                        .withIsBase64Encoded(true)
                        .build();
        var out = HttpApiResponses.toHttp(response);
        assertEquals(303, out.status());
        assertEquals(List.of("/roles/abc/apply/about-you"), out.headers().get("Location"));
        assertEquals(List.of("a=1; Path=/", "b=2; HttpOnly"), out.headers().get("Set-Cookie"));
        assertArrayEquals(new byte[] {1, 2, 3}, out.body());
    }

    private static IncomingRequest request(
            String method, String query, Map<String, List<String>> headers, byte[] body) {
        return new IncomingRequest(
                method, "/roles/abc/apply", query, headers, body, "127.0.0.1", "HTTP/1.1");
    }
}
