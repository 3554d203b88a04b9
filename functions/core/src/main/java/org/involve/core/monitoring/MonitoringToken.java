package org.involve.core.monitoring;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opaque token that links an application to its monitoring answers. It is signed, so the monitoring
 * form can tell a real token from a made-up one without reading any application.
 */
public final class MonitoringToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;

    public MonitoringToken(String signingKey) {
        if (signingKey == null || signingKey.length() < 16) throw new IllegalArgumentException("The token signing key must be at least 16 characters");
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String roleId) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        return n + "." + sign(n, roleId);
    }

    public boolean valid(String token, String roleId) {
        if (token == null || roleId == null || !token.matches("[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{22}")) return false;
        String[] parts = token.split("\\.");
        return MessageDigest.isEqual(sign(parts[0], roleId).getBytes(StandardCharsets.US_ASCII), parts[1].getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String nonce, String roleId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("monitoring:" + roleId + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(java.util.Arrays.copyOf(sig, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
