package org.involve.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a Cognito ID token (or the local runtime's stand-in for one) with the JDK alone: the header must say
 * RS256 (so "none" and HMAC tricks are refused before anything else), the signature must verify against the issuer's
 * key with that kid, and the claims must name the expected issuer and audience, be an ID token, and not have expired.
 */
public final class IdTokenVerifier {
    /** Allowance for clocks that differ a little between the issuer and Lambda. */
    static final Duration LEEWAY = Duration.ofSeconds(30);

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final String issuer;
    private final String audience;
    private final Function<String, Optional<PublicKey>> keys;
    private final Clock clock;

    /** @param keys the issuer's public key for a kid (see {@link HttpJwks}) */
    public IdTokenVerifier(
            String issuer,
            String audience,
            Function<String, Optional<PublicKey>> keys,
            Clock clock) {
        this.issuer = require(issuer, "STAFF_TOKEN_ISSUER");
        this.audience = require(audience, "STAFF_TOKEN_AUDIENCE");
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * What a valid token says about the person, and the token's own id ({@code sessionId}: a digest of its signature,
     * unique to this sign-in and naming nobody), by which signing out ends it.
     */
    public record IdToken(
            String subject,
            String name,
            String email,
            List<String> groups,
            Instant expires,
            String sessionId) {}

    /** Why a token was refused; the message never contains the token or its claims' values. */
    public static final class InvalidToken extends RuntimeException {
        public InvalidToken(String why) {
            super(why);
        }
    }

    public IdToken verify(String token) {
        if (token == null || token.length() > 16_384) throw new InvalidToken("missing or too long");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) throw new InvalidToken("not three parts");
        JsonNode header = json(parts[0], "header");
        if (!"RS256".equals(header.path("alg").asText(null)))
            throw new InvalidToken("algorithm is not RS256");
        String kid = header.path("kid").asText(null);
        if (kid == null) throw new InvalidToken("no key id");
        PublicKey key = keys.apply(kid).orElseThrow(() -> new InvalidToken("unknown key id"));
        if (!signatureHolds(parts, key)) throw new InvalidToken("bad signature");

        JsonNode claims = json(parts[1], "claims");
        if (!issuer.equals(claims.path("iss").asText(null))) throw new InvalidToken("wrong issuer");
        if (!audienceMatches(claims)) throw new InvalidToken("wrong audience");
        // Required, not assumed: an access token (or any token without token_use) is not a staff
        // session.
        if (!"id".equals(claims.path("token_use").asText(null)))
            throw new InvalidToken("not an ID token");
        Instant now = clock.instant();
        if (!claims.path("exp").canConvertToLong()) throw new InvalidToken("no expiry");
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (!now.isBefore(expires.plus(LEEWAY))) throw new InvalidToken("expired");
        if (claims.has("nbf")
                && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(claims.path("nbf").asLong())))
            throw new InvalidToken("not yet valid");
        if (claims.has("iat")
                && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(claims.path("iat").asLong())))
            throw new InvalidToken("issued in the future");
        String sub = claims.path("sub").asText(null);
        if (sub == null || sub.isBlank()) throw new InvalidToken("no subject");
        List<String> groups = new ArrayList<>();
        claims.path("cognito:groups").forEach(g -> groups.add(g.asText()));
        return new IdToken(
                sub,
                claims.path("name").asText(claims.path("email").asText("")),
                claims.path("email").asText(null),
                List.copyOf(groups),
                expires,
                sessionId(parts[2]));
    }

    private static String sessionId(String signature) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(signature.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private boolean audienceMatches(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        if (aud.isTextual()) return audience.equals(aud.asText());
        if (aud.isArray()) for (JsonNode a : aud) if (audience.equals(a.asText())) return true;
        return false;
    }

    private static boolean signatureHolds(String[] parts, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(B64.decode(parts[2]));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static JsonNode json(String part, String what) {
        try {
            JsonNode node = Jwt.JSON.readTree(B64.decode(part));
            if (node == null || !node.isObject())
                throw new InvalidToken(what + " is not a JSON object");
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidToken(what + " cannot be read");
        }
    }

    private static String require(String value, String setting) {
        if (value == null || value.isBlank())
            throw new IllegalStateException("Setting " + setting + " is missing");
        return value;
    }

    /** The RSA keys of a JWKS document by kid; keys of other types or uses are left out. */
    public static Map<String, PublicKey> keysOf(String jwks) {
        Map<String, PublicKey> keys = new HashMap<>();
        try {
            for (JsonNode k : Jwt.JSON.readTree(jwks).path("keys")) {
                if (!"RSA".equals(k.path("kty").asText())
                        || (k.has("use") && !"sig".equals(k.path("use").asText()))) continue;
                var spec =
                        new RSAPublicKeySpec(
                                new BigInteger(1, B64.decode(k.path("n").asText())),
                                new BigInteger(1, B64.decode(k.path("e").asText())));
                keys.put(
                        k.path("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(spec));
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The JWKS could not be read: " + e.getClass().getSimpleName());
        }
        return keys;
    }
}
