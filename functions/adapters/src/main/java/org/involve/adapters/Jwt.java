package org.involve.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Web Token pieces written with the JDK alone: base64url, RS256 signing (used by the local runtime's
 * stand-in for Cognito and by tests) and an RSA public key as a JWK, as Cognito's JWKS publishes it.
 */
public final class Jwt {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {}

    /** A compact RS256 token: header {alg: RS256, kid, typ: JWT} and the given claims. */
    public static String signRs256(String kid, Map<String, Object> claims, PrivateKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("kid", kid);
        header.put("typ", "JWT");
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot sign a token: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The public key as one JWK of a JWKS: {kty: RSA, alg: RS256, use: sig, kid, n, e}. */
    public static Map<String, Object> jwk(String kid, RSAPublicKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        jwk.put("kid", kid);
        jwk.put("n", unsigned(key.getModulus()));
        jwk.put("e", unsigned(key.getPublicExponent()));
        return jwk;
    }

    /** A JWKS document holding the given JWKs. */
    public static String jwks(Map<String, Object> jwk) {
        return json(Map.of("keys", java.util.List.of(jwk)));
    }

    static String encode(Map<String, Object> json) {
        return B64.encodeToString(json(json).getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0)
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        return B64.encodeToString(bytes);
    }
}
