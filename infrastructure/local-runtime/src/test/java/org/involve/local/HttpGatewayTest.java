package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.involve.emulators.FunctionSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpGatewayTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpGateway gateway;

    @BeforeEach
    void start(@TempDir Path assets) {
        var route = new FunctionSpec.HttpApiEvent("Post", "POST", "/roles/{roleId}");
        var spec =
                new FunctionSpec(
                        "EchoFunction",
                        EchoHandler.class.getName() + "::handleRequest",
                        3,
                        Map.of(),
                        List.of(route),
                        List.of(),
                        List.of());
        gateway =
                HttpGateway.on(
                        HttpGateway.bind(0),
                        new HttpRoutes(List.of(spec)),
                        Map.of("EchoFunction", LambdaFunction.instantiate(spec)),
                        new StaticAssets(assets),
                        new LocalControls(new Schedules(List.of(), Clock.systemUTC())),
                        Clock.systemUTC());
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void callsTheHandlerWithAnEventAndWritesItsResponseAndCookies() throws Exception {
        var response = post("/roles/abc", "x=1");
        assertEquals(201, response.statusCode());
        assertEquals("POST /roles/{roleId} abc [draft=d1] true EchoFunction", response.body());
        assertEquals(
                List.of("a=1; Path=/", "b=2; Path=/"), response.headers().allValues("set-cookie"));
    }

    @Test
    void answersAFailingHandlerWith500AndNoDetail() throws Exception {
        var response = post("/roles/boom", "x=1");
        assertEquals(500, response.statusCode());
        assertFalse(response.body().contains("secret"));
    }

    @Test
    void answersAnUnknownRouteWith404() throws Exception {
        assertEquals(404, post("/elsewhere", "").statusCode());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "draft=d1")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
