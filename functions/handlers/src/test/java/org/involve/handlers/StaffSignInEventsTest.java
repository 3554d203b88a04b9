package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.involve.adapters.CognitoHostedUi;
import org.involve.adapters.IdTokenVerifier;
import org.involve.adapters.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff sign-in events: the StaffSession authorizer, sign-in, the staff home and unknown staff pages. */
class StaffSignInEventsTest {
    static final String ISSUER = "http://localhost:3000/_local", AUDIENCE = "involve-local-staff";
    static final Instant NOW = Instant.parse("2025-01-10T10:00:00Z");
    private static final KeyPair KEYS = keys();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final IdTokenVerifier verifier = new IdTokenVerifier(ISSUER, AUDIENCE, kid -> Optional.of(KEYS.getPublic()), clock);
    private final CognitoHostedUi cognito = new CognitoHostedUi("https://involve-staff-1.auth.eu-west-2.amazoncognito.com", AUDIENCE,
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
        Map<String, Object> event = SampleEvents.use("authorizer-staff-session.json", Map.class, Map.of("SAMPLE_STAFF_TOKEN", token));
        return new StaffSessionAuthorizer(verifier).handleRequest(event, null);
    }

    @Test
    void theAuthorizerPassesAValidSessionsPersonAndGroupsToTheRoute() {
        var answer = authorize(token(NOW.plusSeconds(3600), List.of("staff", "panel")));
        assertEquals(true, answer.get("isAuthorized"));
        assertEquals(Map.of("sub", "local-sam-staff", "name", "Sam Staff", "email", "sam.staff@example.org", "groups", "staff,panel"), answer.get("context"));
    }

    @Test
    void theAuthorizerRefusesAnExpiredOrForgedSession() {
        assertEquals(Map.of("isAuthorized", false), authorize(token(NOW.minusSeconds(3600), List.of("staff"))));
        String[] parts = token(NOW.plusSeconds(3600), List.of("panel")).split("\\.");
        String forged = parts[0] + "." + token(NOW.plusSeconds(3600), List.of("staff")).split("\\.")[1] + "." + parts[2];
        assertEquals(Map.of("isAuthorized", false), authorize(forged));
        assertEquals(Map.of("isAuthorized", false), authorize(""));
    }

    private StaffSignInHandler handler(String localSignIn) {
        return new StaffSignInHandler(cognito, verifier, localSignIn, "https://involve.example.org", clock);
    }

    @Test
    void signInGoesToCognitoWithPkceOrToTheLocalPage() {
        var cognitoAnswer = handler("").handleRequest(SampleEvents.use("http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of()), null);
        assertEquals(303, cognitoAnswer.getStatusCode());
        String location = cognitoAnswer.getHeaders().get("Location");
        assertTrue(location.startsWith("https://involve-staff-1.auth.eu-west-2.amazoncognito.com/oauth2/authorize?response_type=code&client_id=involve-local-staff"));
        assertTrue(location.contains("code_challenge_method=S256"));
        assertTrue(location.contains("redirect_uri=https%3A%2F%2Finvolve.example.org%2Fstaff%2Fcallback"));
        String cookie = cognitoAnswer.getCookies().get(0);
        assertTrue(cookie.startsWith("involve-staff-sign-in=") && cookie.contains("Path=/staff/callback") && cookie.contains("HttpOnly") && cookie.contains("Secure"));

        var local = handler("/_local/sign-in").handleRequest(SampleEvents.use("http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of()), null);
        assertEquals("/_local/sign-in", local.getHeaders().get("Location"));
    }

    @Test
    void theStaffHomeShowsOnlyTheAreasThePersonsGroupsAllow() {
        var r = handler("").handleRequest(SampleEvents.use("http-get-staff-home.json", APIGatewayV2HTTPEvent.class, Map.of()), null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Involve staff"));
        assertTrue(r.getBody().contains("href=\"/staff/roles\""));
        assertTrue(r.getBody().contains("href=\"/staff/sign-out\""));
        assertFalse(r.getBody().contains("/staff/payments"));
    }

    @Test
    void anUnknownStaffPageIsAStaffNotFoundPage() {
        var r = handler("").handleRequest(SampleEvents.use("http-get-staff-unknown-page.json", APIGatewayV2HTTPEvent.class, Map.of()), null);
        assertEquals(404, r.getStatusCode());
        assertTrue(r.getBody().contains("Page not found"));
        assertFalse(r.getBody().contains("href=\"/staff/roles\""), "a panel member's navigation has no roles link");
    }

    @Test
    void signOutClearsTheSessionCookie() {
        var event = SampleEvents.read("http-get-staff-sign-in.json", APIGatewayV2HTTPEvent.class, Map.of());
        event.setRouteKey("GET /staff/sign-out");
        var r = handler("/_local/sign-in").handleRequest(event, null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getCookies().get(0).startsWith("involve-staff=; Path=/staff; Max-Age=0"));
    }
}
