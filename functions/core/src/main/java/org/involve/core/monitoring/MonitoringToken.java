package org.involve.core.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.involve.core.kit.Hmac;

/**
 * The opaque token that links an application to its monitoring answers. It is signed, so the monitoring
 * form can tell a real token from a made-up one without reading any application.
 */
public final class MonitoringToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Hmac hmac;

    public MonitoringToken(String signingKey) {
        this.hmac = new Hmac(signingKey);
    }

    public String issue(String roleId) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return n + "." + sign(n, roleId);
    }

    public boolean valid(String token, String roleId) {
        if (token == null
                || roleId == null
                || !token.matches("[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{22}")) return false;
        String[] parts = token.split("\\.");
        return MessageDigest.isEqual(
                sign(parts[0], roleId).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String nonce, String roleId) {
        return hmac.signUrlSafe("monitoring:" + roleId + ":" + nonce, 16);
    }
}
