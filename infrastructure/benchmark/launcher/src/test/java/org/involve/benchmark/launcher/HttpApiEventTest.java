package org.involve.benchmark.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventTest {
    private static Path events() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) dir = dir.getParent();
        return dir.resolve("events");
    }

    @Test
    void readsTheSampleRolePageEvent() throws Exception {
        var event =
                HttpApiEvent.from(
                        Json.object(Files.readString(events().resolve("http-get-role.json"))));
        assertEquals("GET /roles/{roleId}", event.getRouteKey());
        assertEquals("/roles/listening-culture-lived-experience-partner", event.getRawPath());
        assertEquals(
                "listening-culture-lived-experience-partner",
                event.getPathParameters().get("roleId"));
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertEquals(1736503200000L, event.getRequestContext().getTimeEpoch());
        assertEquals("text/html", event.getHeaders().get("accept"));
        assertNull(event.getBody());
    }

    @Test
    void keepsTheStaffMemberTheAuthorizerVouchedFor() throws Exception {
        var event =
                HttpApiEvent.from(
                        Json.object(
                                Files.readString(events().resolve("http-get-staff-roles.json"))));
        assertEquals(
                "local-sam-staff",
                event.getRequestContext().getAuthorizer().getLambda().get("sub"));
        assertEquals("staff", event.getRequestContext().getAuthorizer().getLambda().get("groups"));
        assertNull(
                HttpApiEvent.from(
                                Json.object(
                                        Files.readString(events().resolve("http-get-role.json"))))
                        .getRequestContext()
                        .getAuthorizer());
    }

    @Test
    void readsTheSampleStartApplicationEvent() throws Exception {
        var event =
                HttpApiEvent.from(
                        Json.object(
                                Files.readString(
                                        events().resolve("http-post-start-application.json"))));
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("", event.getBody());
        assertEquals("application/x-www-form-urlencoded", event.getHeaders().get("content-type"));
    }

    @Test
    void jsonCoversEscapesNumbersArraysAndLiterals() {
        Map<String, Object> o =
                Json.object(
                        "{\"a\":\"x\\\"y\\u00e9\\n\",\"n\":-12,\"d\":1.5e2,\"l\":[true,false,null,{}],\"e\":[]}");
        assertEquals("x\"y\u00e9\n", o.get("a"));
        assertEquals(-12L, o.get("n"));
        assertEquals(150.0, o.get("d"));
        assertEquals(List.of(true, false), ((List<?>) o.get("l")).subList(0, 2));
        assertTrue(((List<?>) o.get("e")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Json.object("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.object("[1]"));
    }
}
