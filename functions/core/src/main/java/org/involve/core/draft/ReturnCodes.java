package org.involve.core.draft;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.core.kit.KeyedHmac;

/**
 * What a person reads out or types to carry on with an application on another device: the draft's reference (like
 * 7K3M-Q9P2) and a short code (like 4XH9TB). Both use only letters and digits that are easy to read out: no vowels,
 * no 0/O or 1/I. The code is never stored: it is worked out from the draft's id with a secret key, so the same code
 * shows on every page and in every e-mail, and someone who can read the drafts table still cannot work it out.
 */
public final class ReturnCodes {
    private static final String READABLE = "23456789BCDFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int CODE_LENGTH = 6;
    private final KeyedHmac hmac;

    public ReturnCodes(String secretKey) {
        if (secretKey == null || secretKey.length() < 32)
            throw new IllegalArgumentException(
                    "The return code key must be at least 32 characters");
        this.hmac = KeyedHmac.fixed(secretKey);
    }

    /** The key read when a code is worked out (the return codes' key from the key store). */
    public ReturnCodes(Supplier<String> secretKey) {
        this.hmac = new KeyedHmac(secretKey);
    }

    /** A new reference: 8 readable characters in two groups of 4. */
    public static String newReference() {
        StringBuilder s = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) s.append('-');
            s.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return s.toString();
    }

    /** A reference as typed (any case, spaces or dashes anywhere) in its stored form, or empty if it cannot be one. */
    public static Optional<String> reference(String typed) {
        String c = compact(typed);
        if (c.length() != 8 || !readable(c)) return Optional.empty();
        return Optional.of(c.substring(0, 4) + "-" + c.substring(4));
    }

    /** The draft's code. */
    public String code(String draftId) {
        byte[] mac = hmac.get().sign("return-code|" + draftId);
        StringBuilder s = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++)
            s.append(READABLE.charAt(Byte.toUnsignedInt(mac[i]) % READABLE.length()));
        return s.toString();
    }

    /** Whether {@code typed} (any case, spaces or dashes anywhere) is the draft's code; compared in constant time. */
    public boolean matches(String draftId, String typed) {
        return MessageDigest.isEqual(
                code(draftId).getBytes(StandardCharsets.US_ASCII),
                compact(typed).getBytes(StandardCharsets.US_ASCII));
    }

    /** A keyed hash of something personal (a client's address) for counting tries without storing it. */
    public String pseudonym(String value) {
        return hmac.get().signUrlSafe("client|" + (value == null ? "" : value), 18);
    }

    private static String compact(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static boolean readable(String s) {
        return s.chars().allMatch(ch -> READABLE.indexOf(ch) >= 0);
    }
}
