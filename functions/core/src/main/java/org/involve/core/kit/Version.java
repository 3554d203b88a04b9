package org.involve.core.kit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a record as a staff form carries it (a hidden field): a short digest of the record's content as
 * written in a fixed order, so any change gives another, and the same content gives the same in every process. A
 * save whose version is no longer the record's is refused rather than overwriting someone else's change.
 */
public final class Version {
    /** The field a staff form posts its version in. */
    public static final String FIELD = "version";

    private Version() {}

    /** The version of a record whose content, written in a fixed order, is {@code content}. */
    public static String of(String content) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether a posted version (null when the form carried none) names the record as it is now. */
    public static boolean matches(String posted, String current) {
        return posted != null && posted.strip().equals(current);
    }
}
