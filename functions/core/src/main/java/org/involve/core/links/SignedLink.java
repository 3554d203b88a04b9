package org.involve.core.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.involve.core.kit.Hmac;
import org.involve.core.kit.References;

/**
 * Signed, expiring, purpose-bound link tokens for referees, interview booking and partners.
 * A token is {@code payload.signature}, both URL-safe base64. The payload holds only the purpose, an opaque
 * subject id (never a name or address: anyone holding the link can decode it), the expiry and a random
 * token id; the HMAC-SHA256 signature covers all of it, so nothing can be changed without the key.
 * One-use is not decided here: see {@link LinkRedemption}.
 */
public final class SignedLink {
    private static final String VERSION = "1";
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOKEN =
            Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[A-Za-z0-9_-]{43}");
    private static final int SIGNATURE_BYTES = 32;
    private final Hmac hmac;

    public SignedLink(String signingKey) {
        this.hmac = new Hmac(signingKey);
    }

    /**
     * @param subjectId an opaque id (a reference request id, an application reference, a partner id): letters,
     *                  digits, '-' and '_' only, which keeps e-mail addresses and names out by construction
     */
    public String issue(LinkPurpose purpose, String subjectId, Instant expiresAt) {
        if (purpose == null) throw new IllegalArgumentException("A link needs a purpose");
        if (subjectId == null || !SUBJECT.matcher(subjectId).matches())
            throw new IllegalArgumentException(
                    "A link's subject must be an opaque id of letters, digits, '-' or '_'");
        if (expiresAt == null) throw new IllegalArgumentException("A link needs an expiry");
        String payload =
                String.join(
                        "|",
                        VERSION,
                        purpose.code(),
                        subjectId,
                        Long.toString(expiresAt.getEpochSecond()),
                        References.opaqueId());
        String encoded = Hmac.B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + hmac.signUrlSafe(encoded, SIGNATURE_BYTES);
    }

    /** Checks the signature first, then the purpose, then the expiry: a link is valid strictly before it expires. */
    public LinkCheck verify(String token, LinkPurpose purpose, Instant now) {
        if (token == null || !TOKEN.matcher(token).matches()) return refused(LinkRefusal.TAMPERED);
        int dot = token.indexOf('.');
        String encoded = token.substring(0, dot);
        byte[] expected =
                hmac.signUrlSafe(encoded, SIGNATURE_BYTES).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(
                expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)))
            return refused(LinkRefusal.TAMPERED);

        String[] parts;
        try {
            parts =
                    new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                            .split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return refused(LinkRefusal.TAMPERED);
        }
        // Signed by us, so a bad shape means a format we no longer read.
        if (parts.length != 5
                || !VERSION.equals(parts[0])
                || !parts[4].matches("[A-Za-z0-9_-]{16,64}")) return refused(LinkRefusal.TAMPERED);
        LinkPurpose actual = LinkPurpose.fromCode(parts[1]);
        if (actual == null) return refused(LinkRefusal.TAMPERED);
        if (actual != purpose) return refused(LinkRefusal.WRONG_PURPOSE);
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            return refused(LinkRefusal.TAMPERED);
        }
        if (!now.isBefore(expiresAt)) return refused(LinkRefusal.EXPIRED);
        return new LinkCheck.Valid(parts[2], parts[4], actual, expiresAt);
    }

    private static LinkCheck refused(LinkRefusal reason) {
        return new LinkCheck.Refused(reason);
    }
}
