package org.involve.core.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.involve.core.kit.Hmac;
import org.involve.core.kit.References;

/**
 * Signed, expiring, purpose-bound link tokens for referees, interview booking, partners and applicants.
 * A token is {@code payload.signature}, both URL-safe base64. The payload holds only the id of the key that signed
 * it, the purpose, an opaque subject id (never a name or address: anyone holding the link can decode it), the expiry
 * and a random token id; the HMAC-SHA256 signature covers all of it, so nothing can be changed without the key.
 *
 * <p>Each purpose is signed with its own keys ({@link KeyPurpose}), and a link is checked only against the keys of
 * the purpose it is used for, picked by the key id it carries, so keys can rotate while links already sent keep
 * working. A link made before key ids (payload version 1) is checked against the purpose's {@link Keyring#LEGACY}
 * key; an id the keyring no longer holds is refused like any forged link. One-use is not decided here: see
 * {@link LinkRedemption}.
 */
public final class SignedLink {
    /** Version 1 had no key id (signed with the one key of those days); version 2 carries it. */
    private static final String LEGACY_VERSION = "1", VERSION = "2";

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOKEN =
            Pattern.compile("[A-Za-z0-9_-]{1,240}\\.[A-Za-z0-9_-]{43}");
    private static final int SIGNATURE_BYTES = 32;
    private final SigningKeys keys;

    /** Each purpose's keys from the store, asked for on every issue and check (the store keeps them warm). */
    public SignedLink(SigningKeys keys) {
        this.keys = keys;
    }

    /** One key for every purpose, with the id "k1" (tests). */
    public SignedLink(String signingKey) {
        Keyring one = Keyring.of("k1", signingKey);
        this.keys = purpose -> one;
    }

    /** Which keys sign the links of each purpose. */
    public static KeyPurpose keysOf(LinkPurpose purpose) {
        return switch (purpose) {
            case REFERENCE -> KeyPurpose.REFEREE_LINKS;
            case INTERVIEW_BOOKING -> KeyPurpose.INTERVIEW_LINKS;
            case PARTNER -> KeyPurpose.PARTNER_LINKS;
            case WITHDRAW, CONTINUE_APPLICATION -> KeyPurpose.APPLICANT_LINKS;
        };
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
        Keyring keyring = keys.keyring(keysOf(purpose));
        String payload =
                String.join(
                        "|",
                        VERSION,
                        keyring.currentId(),
                        purpose.code(),
                        subjectId,
                        Long.toString(expiresAt.getEpochSecond()),
                        References.opaqueId());
        String encoded = Hmac.B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + new Hmac(keyring.current()).signUrlSafe(encoded, SIGNATURE_BYTES);
    }

    /**
     * Checks the signature first (with the key of {@code purpose} the token names), then the purpose, then the expiry:
     * a link is valid strictly before it expires. Nothing in the payload is believed before the signature is checked;
     * the key id only picks the key to check it with.
     */
    public LinkCheck verify(String token, LinkPurpose purpose, Instant now) {
        if (token == null || !TOKEN.matcher(token).matches()) return refused(LinkRefusal.TAMPERED);
        int dot = token.indexOf('.');
        String encoded = token.substring(0, dot);
        String[] parts;
        try {
            parts =
                    new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                            .split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return refused(LinkRefusal.TAMPERED);
        }
        String keyId;
        if (parts.length == 5 && LEGACY_VERSION.equals(parts[0])) {
            keyId = Keyring.LEGACY;
        } else if (parts.length == 6 && VERSION.equals(parts[0])) {
            keyId = parts[1];
            parts = new String[] {parts[0], parts[2], parts[3], parts[4], parts[5]};
        } else return refused(LinkRefusal.TAMPERED);
        Optional<String> key = keys.keyring(keysOf(purpose)).key(keyId);
        if (key.isEmpty())
            return refused(LinkRefusal.TAMPERED); // retired, another purpose's, or made up
        byte[] expected =
                new Hmac(key.get())
                        .signUrlSafe(encoded, SIGNATURE_BYTES)
                        .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(
                expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)))
            return refused(LinkRefusal.TAMPERED);

        // Signed by us, so a bad shape means a format we no longer read.
        if (!parts[4].matches("[A-Za-z0-9_-]{16,64}")) return refused(LinkRefusal.TAMPERED);
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
