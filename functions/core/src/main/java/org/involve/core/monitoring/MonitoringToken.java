package org.involve.core.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.involve.core.kit.Hmac;

/**
 * The token in an applicant's link to the equal-opportunities form. It is worked out from the application (its role and
 * reference) with the signing key, so it is stored nowhere: not on the application, not with the answers. It is signed,
 * so the form can tell a real token from a made-up one without reading any application. The answers are kept under a
 * second key worked out from the token ({@link MonitoringKey}), which only the form and the equality report hold: with
 * the signing key alone (which many functions hold) nobody can find an application's answers.
 */
public final class MonitoringToken {
    private final Hmac hmac;
    private final String signingKey;

    public MonitoringToken(String signingKey) {
        this.hmac = new Hmac(signingKey);
        this.signingKey = signingKey;
    }

    /**
     * The short codes made with the same signing key: the code an application's acknowledgement gives beside its
     * link, so a person can also reach the form by typing the code.
     */
    public MonitoringCode codes() {
        return new MonitoringCode(signingKey, this);
    }

    /** The token for one application: the same every time, so the acknowledgement and staff give the same link. */
    public String forApplication(String roleId, String applicationReference) {
        String n = hmac.signUrlSafe("monitoring-link:" + roleId + ":" + applicationReference, 18);
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
