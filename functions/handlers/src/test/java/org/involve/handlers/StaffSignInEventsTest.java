package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.CognitoHostedUi;
import org.involve.adapters.IdTokenVerifier;
import org.involve.adapters.Jwt;
import org.involve.core.fakes.InMemoryEndedSessions;
import org.involve.core.fakes.InMemoryPanelGroup;
import org.involve.core.staff.PanelMember;
import org.junit.jupiter.api.Test;

/** The staff sign-in events: the StaffSession authorizer, sign-in, the staff home and unknown staff pages. */
class StaffSignInEventsTest {
    static final String ISSUER = "http://localhost:3000/_local", AUDIENCE = "involve-local-staff";
    static final Instant NOW = Instant.parse("2025-01-10T10:00:00Z");
    private static final KeyPair KEYS = keys();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryPanelGroup panelGroup = new InMemoryPanelGroup();
    private final InMemoryEndedSessions endedSessions = new InMemoryEndedSessions();
    private final IdTokenVerifier verifier =
            new IdTokenVerifier(ISSUER, AUDIENCE, kid -> Optional.of(KEYS.getPublic()), clock);
    private final CognitoHostedUi cognito =
            new CognitoHostedUi(
                    "https://involve-staff-1.auth.eu-west-2.amazoncognito.com",
                    AUDIENCE,
                    "https://involve.example.org/staff/callback");

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(Instant expires, List<String> groups) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", "local-sam-staff");
        c.put("name", "Sam Staff");
        c.put("email", "sam.staff@example.org");
        c.put("cognito:groups", groups);
        c.put("iss", ISSUER);
        c.put("aud", AUDIENCE);
        c.put("token_use", "id");
        c.put("exp", expires.getEpochSecond());
        return Jwt.signRs256("k", c, KEYS.getPrivate());
    }

    private Map<String, Object> authorize(String token) {
        @SuppressWarnings("unchecked")
        Map<String, Object> event =
                SampleEvents.use(
                        "authorizer-staff-session.json",
                        Map.class,
                        Map.of("SAMPLE_STAFF_TOKEN", token));
        return new StaffSessionAuthorizer(verifier, endedSessions).handleRequest(event, null);
    }

    @Test
    void theAuthorizerPassesAValidSessionsPersonAndGroupsToTheRoute() {
        var answer = authorize(token(NOW.plusSeconds(3600), List.of("staff", "panel")));
        assertEquals(true, answer.get("isAuthorized"));
        assertEquals(
                Map.of(
                        "sub",
                        "local-sam-staff",
                        "name",
                        "Sam Staff",
                        "email",
                        "sam.staff@example.org",
                        "groups",
                        "staff,panel",
                        "expires",
                        NOW.plusSeconds(3600).getEpochSecond()),
                answer.get("context"));
    }

    @Test
    void theAuthorizerRefusesAnExpiredOrForgedSession() {
        assertEquals(
                Map.of("isAuthorized", false),
                authorize(token(NOW.minusSeconds(3600), List.of("staff"))));
        String[] parts = token(NOW.plusSeconds(3600), List.of("panel")).split("\\.");
        String forged =
                parts[0]
                        + "."
                        + token(NOW.plusSeconds(3600), List.of("staff")).split("\\.")[1]
                        + "."
                        + parts[2];
        assertEquals(Map.of("isAuthorized", false), authorize(forged));
        assertEquals(Map.of("isAuthorized", false), authorize(""));
    }

    private StaffSignInHandler handler(String localSignIn) {
        return new StaffSignInHandler(
                cognito,
                verifier,
                localSignIn,
                "https://involve.example.org",
                clock,
                panelGroup,
                endedSessions);
    }

    @Test
    void signInGoesToCognitoWithPkceOrToTheLocalPage() {
        var cognitoAnswer =
                handler("")
                        .handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-sign-in.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of()),
                                null);
        assertEquals(303, cognitoAnswer.getStatusCode());
        String location = cognitoAnswer.getHeaders().get("Location");
        assertTrue(
                location.startsWith(
                        "https://involve-staff-1.auth.eu-west-2.amazoncognito.com/oauth2/authorize?response_type=code&client_id=involve-local-staff"));
        assertTrue(location.contains("code_challenge_method=S256"));
        assertTrue(
                location.contains(
                        "redirect_uri=https%3A%2F%2Finvolve.example.org%2Fstaff%2Fcallback"));
        String cookie = cognitoAnswer.getCookies().get(0);
        assertTrue(
                cookie.startsWith("involve-staff-sign-in=")
                        && cookie.contains("Path=/staff/callback")
                        && cookie.contains("HttpOnly")
                        && cookie.contains("Secure"));

        var local =
                handler("/_local/sign-in")
                        .handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-sign-in.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of()),
                                null);
        assertEquals("/_local/sign-in", local.getHeaders().get("Location"));
    }

    @Test
    void signInComesBackToTheStaffPageAskedForAndNeverToAnotherSite() {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put(
                "/staff/roles/a-role/applications/new",
                "/_local/sign-in?return=%2Fstaff%2Froles%2Fa-role%2Fapplications%2Fnew");
        asked.put("/staff", "/_local/sign-in");
        asked.put("//evil.example/staff", "/_local/sign-in");
        asked.put("https://evil.example/staff", "/_local/sign-in");
        asked.put("/staff/../roles", "/_local/sign-in");
        asked.put("/staff/sign-in", "/_local/sign-in");
        asked.put("/staffing", "/_local/sign-in");
        asked.put("/staff/x?y=1", "/_local/sign-in");
        asked.forEach(
                (page, expected) -> {
                    var event =
                            SampleEvents.read(
                                    "http-get-staff-sign-in.json",
                                    APIGatewayV2HTTPEvent.class,
                                    Map.of());
                    event.setQueryStringParameters(Map.of("return", page));
                    var r = handler("/_local/sign-in").handleRequest(event, null);
                    assertEquals(expected, r.getHeaders().get("Location"), page);
                });
    }

    /** In the last 15 minutes of a session every staff page warns, with a link that signs in again and comes back. */
    @Test
    void aStaffPageWarnsBeforeTheSessionEndsWithAWayToStaySignedIn() {
        var soon =
                SampleEvents.use(
                        "http-get-staff-unknown-page.json", APIGatewayV2HTTPEvent.class, Map.of());
        soon.getRequestContext().getHttp().setMethod("GET");
        soon.getRequestContext()
                .getAuthorizer()
                .getLambda()
                .put("expires", Instant.now().plusSeconds(10 * 60).getEpochSecond());
        var r = handler("").handleRequest(soon, null);
        assertTrue(r.getBody().contains("You will be signed out soon"), r.getBody());
        assertTrue(
                r.getBody()
                        .contains(
                                "href=\"/staff/sign-in?return="
                                        + java.net.URLEncoder.encode(
                                                soon.getRawPath(),
                                                java.nio.charset.StandardCharsets.UTF_8)
                                        + "\""),
                r.getBody());

        var later =
                SampleEvents.use(
                        "http-get-staff-unknown-page.json", APIGatewayV2HTTPEvent.class, Map.of());
        later.getRequestContext()
                .getAuthorizer()
                .getLambda()
                .put("expires", Instant.now().plusSeconds(2 * 3600).getEpochSecond());
        assertFalse(
                handler("")
                        .handleRequest(later, null)
                        .getBody()
                        .contains("You will be signed out soon"));
    }

    /** No authorizer: what a browser is shown (sent there by StaffSignedOutFunction in AWS) when its session ended. */
    @Test
    void theSessionEndedPageOffersSignInAgainAndSaysWhatWasNotSaved() {
        var event =
                SampleEvents.read(
                        "http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of());
        event.setRouteKey("GET /staff/session-ended");
        event.getRequestContext().setAuthorizer(null);
        var r = handler("/_local/sign-in").handleRequest(event, null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("You have been signed out"));
        assertTrue(r.getBody().contains("has not been saved yet"));
        assertTrue(r.getBody().contains("href=\"/staff/sign-in\""));
        assertTrue(r.getBody().contains("data-involve-session-ended"));
    }

    /** "Sign in again" comes back to the page named, but only to a staff page: never another site. */
    @Test
    void theSessionEndedPageSignsInBackToTheStaffPageItWasSentFromAndNowhereElse() {
        var event =
                SampleEvents.read(
                        "http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of());
        event.setRouteKey("GET /staff/session-ended");
        event.getRequestContext().setAuthorizer(null);
        event.setQueryStringParameters(Map.of("page", "/staff/roles/r1/edit"));
        var back = handler("/_local/sign-in").handleRequest(event, null);
        assertEquals(200, back.getStatusCode());
        assertTrue(
                back.getBody()
                        .contains("href=\"/staff/sign-in?return=%2Fstaff%2Froles%2Fr1%2Fedit\""),
                back.getBody());
        for (String elsewhere :
                List.of("https://evil.example/staff", "//evil.example", "/roles/r1")) {
            event.setQueryStringParameters(Map.of("page", elsewhere));
            var r = handler("/_local/sign-in").handleRequest(event, null);
            assertTrue(r.getBody().contains("href=\"/staff/sign-in\""), elsewhere);
            assertFalse(r.getBody().contains("evil.example"), elsewhere);
        }
    }

    @Test
    void theStaffHomeShowsOnlyTheAreasThePersonsGroupsAllow() {
        var r =
                handler("")
                        .handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-home.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of()),
                                null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Involve staff"));
        assertTrue(r.getBody().contains("href=\"/staff/roles\""));
        assertTrue(r.getBody().contains("href=\"/staff/sign-out\""));
        assertFalse(r.getBody().contains("/staff/payments"));
    }

    /** Areas sharing a permission (Partners and Meetings) each describe themselves, so no two cards say the same. */
    @Test
    void eachHomeCardSaysWhatItsOwnAreaDoes() {
        String body =
                handler("")
                        .handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-home.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of()),
                                null)
                        .getBody();
        assertTrue(
                body.contains(
                        "You can plan a group's meetings, change or cancel them, record who came and keep its impact log."),
                body);
        assertEquals(
                1,
                body.split("You can appoint partners and extend their tenure\\.", -1).length - 1,
                "only the Partners card");
        List<String> descriptions =
                org.involve.handlers.views.StaffLayout.AREAS.stream()
                        .map(org.involve.handlers.views.StaffLayout.Area::description)
                        .toList();
        assertEquals(
                descriptions.size(),
                new java.util.HashSet<>(descriptions).size(),
                descriptions.toString());
    }

    /** Every sign-in lands on the home page, which records someone in the panel group so staff can choose them. */
    @Test
    void signingInInThePanelGroupRecordsThePersonAndSigningInWithoutItForgetsThem() {
        var panel =
                SampleEvents.use("http-get-staff-home.json", APIGatewayV2HTTPEvent.class, Map.of());
        panel.getRequestContext()
                .getAuthorizer()
                .setLambda(
                        Map.of(
                                "sub",
                                "local-robin-panel",
                                "name",
                                "Robin Panel",
                                "email",
                                "robin.panel@example.org",
                                "groups",
                                "panel"));
        assertEquals(200, handler("").handleRequest(panel, null).getStatusCode());
        assertEquals(
                List.of(
                        new PanelMember(
                                "local-robin-panel", "Robin Panel", "robin.panel@example.org")),
                panelGroup.members());

        var staff =
                SampleEvents.use("http-get-staff-home.json", APIGatewayV2HTTPEvent.class, Map.of());
        staff.getRequestContext()
                .getAuthorizer()
                .setLambda(
                        Map.of(
                                "sub",
                                "local-robin-panel",
                                "name",
                                "Robin Panel",
                                "email",
                                "robin.panel@example.org",
                                "groups",
                                "staff"));
        assertEquals(200, handler("").handleRequest(staff, null).getStatusCode());
        assertEquals(List.of(), panelGroup.members());
    }

    @Test
    void anUnknownStaffPageIsAStaffNotFoundPage() {
        var r =
                handler("")
                        .handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-unknown-page.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of()),
                                null);
        assertEquals(404, r.getStatusCode());
        assertTrue(r.getBody().contains("Page not found"));
        assertFalse(
                r.getBody().contains("href=\"/staff/roles\""),
                "a panel member's navigation has no roles link");
    }

    @Test
    void signOutClearsTheSessionCookie() {
        var event =
                SampleEvents.read(
                        "http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of());
        event.setRouteKey("GET /staff/sign-out");
        var r = handler("/_local/sign-in").handleRequest(event, null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getCookies().get(0).startsWith("involve-staff=; Path=/staff; Max-Age=0"));
    }

    @Test
    void signingOutEndsTheSessionSoACopyOfTheTokenIsRefusedAfterwards() {
        String token = token(NOW.plusSeconds(8 * 3600), List.of("staff"));
        String otherSession = token(NOW.plusSeconds(8 * 3600 - 1), List.of("staff"));
        assertEquals(true, authorize(token).get("isAuthorized"));

        var event =
                SampleEvents.read(
                        "http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of());
        event.setRouteKey("GET /staff/sign-out");
        event.setCookies(List.of(StaffSessionAuthorizer.COOKIE + "=" + token));
        var r = handler("/_local/sign-in").handleRequest(event, null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getCookies().get(0).startsWith("involve-staff=; Path=/staff; Max-Age=0"));

        assertEquals(Map.of("isAuthorized", false), authorize(token));
        assertEquals(1, endedSessions.ended.size());
        assertEquals(NOW.plusSeconds(8 * 3600), endedSessions.ended.values().iterator().next());
        assertEquals(true, authorize(otherSession).get("isAuthorized"), "another sign-in goes on");
    }

    @Test
    void whenSignOutsCannotBeCheckedTheSessionIsRefused() {
        var failing =
                new org.involve.core.staff.EndedSessions() {
                    @Override
                    public void end(String sessionId, Instant tokenExpires) {}

                    @Override
                    public boolean hasEnded(String sessionId) {
                        throw new IllegalStateException("table unreachable");
                    }
                };
        @SuppressWarnings("unchecked")
        Map<String, Object> event =
                SampleEvents.use(
                        "authorizer-staff-session.json",
                        Map.class,
                        Map.of(
                                "SAMPLE_STAFF_TOKEN",
                                token(NOW.plusSeconds(3600), List.of("staff"))));
        assertEquals(
                Map.of("isAuthorized", false),
                new StaffSessionAuthorizer(verifier, failing).handleRequest(event, null));
    }

    /** Cognito's token endpoint, faked: answers an ID token only for the code it issued and the PKCE verifier that matches. */
    @Test
    void theCallbackExchangesTheCodeWithItsVerifierAndKeepsTheIdTokenInTheSessionCookie()
            throws Exception {
        String idToken = token(NOW.plusSeconds(8 * 3600), List.of("staff"));
        var challenge = new java.util.concurrent.atomic.AtomicReference<String>();
        var server =
                com.sun.net.httpserver.HttpServer.create(
                        new java.net.InetSocketAddress("localhost", 0), 0);
        server.createContext(
                "/oauth2/token",
                exchange -> {
                    String form =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    java.nio.charset.StandardCharsets.UTF_8);
                    Map<String, String> posted = new java.util.HashMap<>();
                    for (String pair : form.split("&")) {
                        String[] kv = pair.split("=", 2);
                        posted.put(
                                kv[0],
                                java.net.URLDecoder.decode(
                                        kv[1], java.nio.charset.StandardCharsets.UTF_8));
                    }
                    boolean ok =
                            "the-code".equals(posted.get("code"))
                                    && "authorization_code".equals(posted.get("grant_type"))
                                    && StaffSignInHandler.challenge(posted.get("code_verifier"))
                                            .equals(challenge.get());
                    byte[] body =
                            (ok
                                            ? "{\"id_token\":\""
                                                    + idToken
                                                    + "\",\"token_type\":\"Bearer\"}"
                                            : "{\"error\":\"invalid_grant\"}")
                                    .getBytes();
                    exchange.sendResponseHeaders(ok ? 200 : 400, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        try {
            var local =
                    new CognitoHostedUi(
                            "http://localhost:" + server.getAddress().getPort(),
                            AUDIENCE,
                            "https://involve.example.org/staff/callback");
            var handler =
                    new StaffSignInHandler(
                            local,
                            verifier,
                            "",
                            "https://involve.example.org",
                            clock,
                            panelGroup,
                            endedSessions);
            var start =
                    handler.handleRequest(
                            SampleEvents.read(
                                    "http-get-staff-sign-in.json",
                                    APIGatewayV2HTTPEvent.class,
                                    Map.of()),
                            null);
            String location = start.getHeaders().get("Location");
            challenge.set(query(location, "code_challenge"));
            String state = query(location, "state");
            String signInCookie =
                    start.getCookies()
                            .get(0)
                            .substring("involve-staff-sign-in=".length())
                            .split(";")[0];

            var done =
                    handler.handleRequest(
                            SampleEvents.use(
                                    "http-get-staff-callback.json",
                                    APIGatewayV2HTTPEvent.class,
                                    Map.of(
                                            "SAMPLE_CODE",
                                            "the-code",
                                            "SAMPLE_STATE",
                                            state,
                                            "SAMPLE_SIGN_IN_COOKIE",
                                            signInCookie)),
                            null);
            assertEquals(303, done.getStatusCode());
            assertEquals("/staff", done.getHeaders().get("Location"));
            String session = done.getCookies().get(0);
            assertTrue(
                    session.startsWith(
                            "involve-staff="
                                    + idToken
                                    + "; Path=/staff; Max-Age=28800; HttpOnly; SameSite=Lax; Secure"),
                    session);
            assertTrue(
                    done.getCookies()
                            .get(1)
                            .startsWith("involve-staff-sign-in=; Path=/staff/callback; Max-Age=0"));

            var wrongState =
                    handler.handleRequest(
                            SampleEvents.read(
                                    "http-get-staff-callback.json",
                                    APIGatewayV2HTTPEvent.class,
                                    Map.of(
                                            "SAMPLE_CODE",
                                            "the-code",
                                            "SAMPLE_STATE",
                                            "another-state",
                                            "SAMPLE_SIGN_IN_COOKIE",
                                            signInCookie)),
                            null);
            assertEquals(400, wrongState.getStatusCode());
            assertFalse(String.valueOf(wrongState.getCookies()).contains(idToken));

            var wrongCode =
                    handler.handleRequest(
                            SampleEvents.read(
                                    "http-get-staff-callback.json",
                                    APIGatewayV2HTTPEvent.class,
                                    Map.of(
                                            "SAMPLE_CODE",
                                            "stolen-code",
                                            "SAMPLE_STATE",
                                            state,
                                            "SAMPLE_SIGN_IN_COOKIE",
                                            signInCookie)),
                            null);
            assertEquals(400, wrongCode.getStatusCode());
            assertTrue(wrongCode.getBody().contains("Sign-in did not finish"));

            // "Stay signed in" from a staff page: the sign-in cookie remembers the page, the
            // callback goes back there.
            var again =
                    SampleEvents.read(
                            "http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of());
            again.setQueryStringParameters(
                    Map.of("return", "/staff/roles/a-role/applications/new"));
            var startAgain = handler.handleRequest(again, null);
            String locationAgain = startAgain.getHeaders().get("Location");
            challenge.set(query(locationAgain, "code_challenge"));
            var back =
                    handler.handleRequest(
                            SampleEvents.use(
                                    "http-get-staff-callback.json",
                                    APIGatewayV2HTTPEvent.class,
                                    Map.of(
                                            "SAMPLE_CODE",
                                            "the-code",
                                            "SAMPLE_STATE",
                                            query(locationAgain, "state"),
                                            "SAMPLE_SIGN_IN_COOKIE",
                                            startAgain
                                                    .getCookies()
                                                    .get(0)
                                                    .substring("involve-staff-sign-in=".length())
                                                    .split(";")[0])),
                            null);
            assertEquals(303, back.getStatusCode());
            assertEquals("/staff/roles/a-role/applications/new", back.getHeaders().get("Location"));
        } finally {
            server.stop(0);
        }
    }

    private static String query(String url, String name) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "="))
                return java.net.URLDecoder.decode(
                        pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
