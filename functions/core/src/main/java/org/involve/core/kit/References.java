package org.involve.core.kit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Reference numbers people can read out on the phone, and keys that identify an applicant without storing more. */
public final class References {
    private static final char[] READABLE = "23456789BCDFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {}

    /** Like INV-7K3M-Q9P2: no vowels (no accidental words), no 0/O or 1/I to confuse. */
    public static String applicationReference() {
        return "INV-" + readable(4) + "-" + readable(4);
    }

    public static String opaqueId() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String readable(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append(READABLE[RANDOM.nextInt(READABLE.length)]);
        return s.toString();
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
