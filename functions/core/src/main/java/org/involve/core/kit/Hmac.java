package org.involve.core.kit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with a secret key, for anything that must be recognised as ours without a look-up. */
public final class Hmac {
    public static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;

    /** A key of at least 32 characters: HMAC-SHA256 is only as strong as a 256-bit key. */
    public Hmac(String secret) {
        if (secret == null || secret.length() < 32)
            throw new IllegalArgumentException("A signing key must be at least 32 characters");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public byte[] sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The first {@code bytes} of the signature, URL-safe. */
    public String signUrlSafe(String message, int bytes) {
        return B64.encodeToString(java.util.Arrays.copyOf(sign(message), bytes));
    }
}
