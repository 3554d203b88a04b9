package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.RouteAuthorizers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local gateway calls a route's Lambda authorizer (the real StaffSessionAuthorizer) as API Gateway does. */
class LocalAuthorizersTest {
    private static final String TEMPLATE =
            """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      StaffSession:
                        FunctionArn: {"Fn::GetAtt": [AuthFunction, Arn]}
                      StaffJwt:
                        JwtConfiguration: {issuer: x}
              AuthFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.involve.local.TestSessionAuthorizer::handleRequest
              PageFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: org.involve.local.AuthorizerContextEcho::handleRequest
                  Events:
                    Guarded:
                      Type: HttpApi
                      Properties: {ApiId: {Ref: Api}, Path: /staff/things, Method: GET, Auth: {Authorizer: StaffSession}}
                    Saved:
                      Type: HttpApi
                      Properties: {ApiId: {Ref: Api}, Path: /staff/things, Method: POST, Auth: {Authorizer: StaffSession}}
                    ForApiClients:
                      Type: HttpApi
                      Properties: {ApiId: {Ref: Api}, Path: /staff-api/things, Method: GET, Auth: {Authorizer: StaffJwt}}
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: {Ref: Api}, Path: /staff/sign-in, Method: GET}
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpGateway gateway;
    private LocalIdentity identity;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path templateFile = dir.resolve("template.yaml");
        Files.writeString(templateFile, TEMPLATE);
        var server = HttpGateway.bind(0);
        String site = "http://localhost:" + server.getAddress().getPort();
        System.setProperty("test.STAFF_TOKEN_ISSUER", LocalIdentity.issuerFor(site));
        System.setProperty("test.STAFF_JWKS_URL", site + LocalIdentity.JWKS_PATH);
        identity = LocalIdentity.in(dir, site, Clock.systemUTC());
        var auth =
                new FunctionSpec(
                        "AuthFunction",
                        TestSessionAuthorizer.class.getName() + "::handleRequest",
                        3,
                        Map.of(),
                        List.of(),
                        List.of(),
                        List.of());
        var page =
                new FunctionSpec(
                        "PageFunction",
                        AuthorizerContextEcho.class.getName() + "::handleRequest",
                        3,
                        Map.of(),
                        List.of(
                                new FunctionSpec.HttpApiEvent("Guarded", "GET", "/staff/things"),
                                new FunctionSpec.HttpApiEvent("Saved", "POST", "/staff/things"),
                                new FunctionSpec.HttpApiEvent(
                                        "ForApiClients", "GET", "/staff-api/things"),
                                new FunctionSpec.HttpApiEvent("Open", "GET", "/staff/sign-in")),
                        List.of(),
                        List.of());
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        functions.put("AuthFunction", LambdaFunction.instantiate(auth));
        functions.put("PageFunction", LambdaFunction.instantiate(page));
        gateway =
                HttpGateway.on(
                        server,
                        new HttpRoutes(List.of(auth, page)),
                        functions,
                        new StaticAssets(dir),
                        new LocalControls(new Schedules(List.of(), Clock.systemUTC()), identity),
                        new LocalAuthorizers(
                                RouteAuthorizers.load(templateFile),
                                functions,
                                identity.verifier()),
                        Clock.systemUTC());
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path))
                        .GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheCookieTheRouteAnswers401AndTheFunctionIsNotCalled() throws Exception {
        var r = get("/staff/things");
        assertEquals(401, r.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", r.body());
    }

    /** A browser is never shown the gateway's bare JSON: the signed-out page, with the gateway's status. */
    @Test
    void aBrowserRefusedGetsTheSignedOutPageThatSignsInAgainAndComesBack() throws Exception {
        var none = get("/staff/things", "Accept", "text/html,application/xhtml+xml");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(none.body().contains("You have been signed out"), none.body());
        assertTrue(none.body().contains("href=\"/staff/sign-in?return=%2Fstaff%2Fthings\""));

        var expired =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + gateway.port()
                                                        + "/staff/things"))
                                .header("Accept", "text/html")
                                .header("Cookie", "involve-staff=rubbish")
                                .header(
                                        "Referer",
                                        "http://localhost:" + gateway.port() + "/staff/form-page")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("name=x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, expired.statusCode());
        assertTrue(expired.body().contains("href=\"/staff/sign-in?return=%2Fstaff%2Fform-page\""));

        var page = get("/_local/sign-in?return=%2Fstaff%2Fform-page");
        assertTrue(page.body().contains("name=\"return\" value=\"/staff/form-page\""), page.body());
        var signIn =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + gateway.port()
                                                        + "/_local/sign-in"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "user=sam-staff&return=%2Fstaff%2Fform-page"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals("/staff/form-page", signIn.headers().firstValue("location").orElseThrow());
        var elsewhere =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + gateway.port()
                                                        + "/_local/sign-in"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "user=sam-staff&return=https%3A%2F%2Fevil.example%2F"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals("/staff", elsewhere.headers().firstValue("location").orElseThrow());
    }

    @Test
    void aBadOrExpiredSessionIsDeniedWith403() throws Exception {
        assertEquals(403, get("/staff/things", "Cookie", "involve-staff=rubbish").statusCode());
        String expired =
                identity.idToken(LocalIdentity.USERS.get(0), Instant.now().minusSeconds(3600));
        assertEquals(403, get("/staff/things", "Cookie", "involve-staff=" + expired).statusCode());
    }

    @Test
    void signingInLocallySetsTheCookieAndTheRouteGetsTheAuthorizersContext() throws Exception {
        var signIn =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + gateway.port()
                                                        + "/_local/sign-in"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("user=alex-allroles"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signIn.statusCode());
        assertEquals("/staff", signIn.headers().firstValue("location").orElseThrow());
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(
                cookie.contains("Path=/staff")
                        && cookie.contains("HttpOnly")
                        && cookie.contains("SameSite=Lax"));

        var r =
                get(
                        "/staff/things",
                        "Cookie",
                        "other=1; " + cookie.substring(0, cookie.indexOf(';')));
        assertEquals(200, r.statusCode());
        // With the session's end (seconds since 1970), so the pages can warn before it.
        assertTrue(
                r.body()
                        .matches(
                                "\\{email=alex.allroles@example.org, expires=\\d+, groups=staff,panel,"
                                        + " name=Alex Allroles, sub=local-alex-allroles\\}"),
                r.body());
    }

    @Test
    void routesWithoutAnAuthorizerAreCalledAsTheyAre() throws Exception {
        assertEquals("none", get("/staff/sign-in").body());
    }

    @Test
    void jwtRoutesTakeABearerTokenAndGetItsClaims() throws Exception {
        assertEquals(401, get("/staff-api/things").statusCode());
        String token = identity.idToken(LocalIdentity.USERS.get(1));
        var r = get("/staff-api/things", "Authorization", "Bearer " + token);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("cognito:groups=[panel]"));
    }

    @Test
    void theSignInPageListsTheLocalPeopleAndTheJwksIsServed() throws Exception {
        var page = get("/_local/sign-in");
        assertEquals(200, page.statusCode());
        assertTrue(
                page.body().contains("Sam Staff")
                        && page.body().contains("Pat Panel")
                        && page.body().contains("Fin Finance")
                        && page.body().contains("Alex Allroles"));
        var wrong =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + gateway.port()
                                                        + "/_local/sign-in"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("user="))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, wrong.statusCode());
        assertTrue(get(LocalIdentity.JWKS_PATH).body().contains("\"kid\":\"involve-local-1\""));
    }
}
