package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdTokenVerifierTest {
    private static final String ISSUER =
            "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Example";
    private static final String AUDIENCE = "example-client-id";
    private static final Instant NOW = Instant.parse("2025-01-10T10:00:00Z");
    private static final KeyPair KEYS = keys(), OTHER_KEYS = keys();
    private final IdTokenVerifier verifier =
            new IdTokenVerifier(
                    ISSUER,
                    AUDIENCE,
                    kid -> "k1".equals(kid) ? Optional.of(KEYS.getPublic()) : Optional.empty(),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", "3f1c-example");
        c.put("name", "Sam Staff");
        c.put("email", "sam.staff@example.org");
        c.put("cognito:groups", List.of("staff", "panel"));
        c.put("iss", ISSUER);
        c.put("aud", AUDIENCE);
        c.put("token_use", "id");
        c.put("iat", NOW.minusSeconds(60).getEpochSecond());
        c.put("exp", NOW.plusSeconds(3600).getEpochSecond());
        return c;
    }

    private static String token(Map<String, Object> claims) {
        return Jwt.signRs256("k1", claims, KEYS.getPrivate());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void refused(String token, String why) {
        var e = assertThrows(IdTokenVerifier.InvalidToken.class, () -> verifier.verify(token));
        assertEquals(why, e.getMessage());
    }

    @Test
    void aValidTokenGivesThePersonAndTheirGroups() {
        var id = verifier.verify(token(claims()));
        assertEquals("3f1c-example", id.subject());
        assertEquals("Sam Staff", id.name());
        assertEquals("sam.staff@example.org", id.email());
        assertEquals(List.of("staff", "panel"), id.groups());
    }

    @Test
    void anExpiredTokenIsRefused() {
        var c = claims();
        c.put("exp", NOW.minusSeconds(31).getEpochSecond());
        refused(token(c), "expired");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        var c = claims();
        c.remove("exp");
        refused(token(c), "no expiry");
    }

    @Test
    void anotherIssuersTokenIsRefused() {
        var c = claims();
        c.put("iss", "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Other");
        refused(token(c), "wrong issuer");
    }

    @Test
    void aTokenForAnotherAppIsRefused() {
        var c = claims();
        c.put("aud", "another-client");
        refused(token(c), "wrong audience");
    }

    @Test
    void anAccessTokenIsNotAnIdToken() {
        var c = claims();
        c.put("token_use", "access");
        refused(token(c), "not an ID token");
    }

    @Test
    void aTokenThatDoesNotSayItIsAnIdTokenIsRefused() {
        var c = claims();
        c.remove("token_use");
        refused(token(c), "not an ID token");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        refused(Jwt.signRs256("k1", claims(), OTHER_KEYS.getPrivate()), "bad signature");
    }

    @Test
    void changedClaimsBreakTheSignature() {
        String[] parts = token(claims()).split("\\.");
        var c = claims();
        c.put("cognito:groups", List.of("staff", "panel", "finance"));
        refused(parts[0] + "." + b64(Jwt.json(c)) + "." + parts[2], "bad signature");
    }

    @Test
    void algorithmNoneIsRefused() {
        String unsigned =
                b64("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + b64(Jwt.json(claims())) + ".";
        refused(unsigned, "algorithm is not RS256");
    }

    @Test
    void anHmacTokenIsRefusedWhateverItsKey() {
        String[] parts = token(claims()).split("\\.");
        refused(
                b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + "." + parts[1] + "." + parts[2],
                "algorithm is not RS256");
    }

    @Test
    void anUnknownKeyIdIsRefused() {
        refused(Jwt.signRs256("k9", claims(), KEYS.getPrivate()), "unknown key id");
    }

    @Test
    void rubbishIsRefused() {
        refused("not-a-token", "not three parts");
        refused("a.b.c", "header cannot be read");
        refused(null, "missing or too long");
    }

    @Test
    void keysAreReadFromAJwksDocument() {
        String jwks = Jwt.jwks(Jwt.jwk("k1", (RSAPublicKey) KEYS.getPublic()));
        var keys = IdTokenVerifier.keysOf(jwks);
        assertEquals(KEYS.getPublic(), keys.get("k1"));
        var fromJwks =
                new IdTokenVerifier(
                        ISSUER,
                        AUDIENCE,
                        kid -> Optional.ofNullable(keys.get(kid)),
                        Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(fromJwks.verify(token(claims())).groups().contains("staff"));
    }
}
