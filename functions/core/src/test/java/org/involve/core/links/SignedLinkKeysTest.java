package org.involve.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.involve.core.kit.Hmac;
import org.junit.jupiter.api.Test;

/** Each purpose its own keys, key ids in links, rotation, and the links sent before key ids. */
class SignedLinkKeysTest {
    private static final String OLD = "links:the-one-signing-key-before-key-ids-000";
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Instant expires = now.plus(Duration.ofDays(28));

    private static String key(KeyPurpose p, String id) {
        return ("key-of-" + p + "-" + id + "-0123456789abcdefghijklmnop");
    }

    /** Every purpose its own k1 (and the legacy key everyone had). */
    private static Keyring k1(KeyPurpose p) {
        return new Keyring("k1", Map.of("k1", key(p, "k1"), Keyring.LEGACY, OLD));
    }

    private final SignedLink links = new SignedLink(SigningKeys.each(SignedLinkKeysTest::k1));

    private static LinkRefusal reason(LinkCheck c) {
        return assertInstanceOf(LinkCheck.Refused.class, c).reason();
    }

    private static String payload(String token) {
        return new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
    }

    @Test
    void aNewLinkCarriesTheIdOfTheKeyThatSignedIt() {
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        assertTrue(payload(token).startsWith("2|k1|ref|refreq-1|"), payload(token));
        String signature = token.substring(token.indexOf('.') + 1);
        assertEquals(
                new Hmac(key(KeyPurpose.REFEREE_LINKS, "k1"))
                        .signUrlSafe(token.substring(0, token.indexOf('.')), 32),
                signature);
    }

    @Test
    void aRefereesLinkIsNotAPartnersLinkNorAnInterviewLinkNorAnApplicantsLink() {
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        // The other purposes' keys do not check it at all: not even "wrong purpose".
        for (LinkPurpose other :
                new LinkPurpose[] {
                    LinkPurpose.PARTNER,
                    LinkPurpose.INTERVIEW_BOOKING,
                    LinkPurpose.WITHDRAW,
                    LinkPurpose.CONTINUE_APPLICATION
                })
            assertEquals(LinkRefusal.TAMPERED, reason(links.verify(token, other, now)), "" + other);
        assertTrue(links.verify(token, LinkPurpose.REFERENCE, now).valid());
    }

    @Test
    void aLeakedKeyOfOnePurposeCannotMakeALinkForAnother() {
        // Someone holding the partner links' key signs a "referee" link with it, under the
        // referee's key id.
        SigningKeys stolen = purpose -> Keyring.of("k1", key(KeyPurpose.PARTNER_LINKS, "k1"));
        String forged = new SignedLink(stolen).issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        assertEquals(
                LinkRefusal.TAMPERED, reason(links.verify(forged, LinkPurpose.REFERENCE, now)));
    }

    @Test
    void aFunctionWithoutAPurposesKeysCannotCheckItsLinks() {
        SignedLink partnersOnly =
                new SignedLink(
                        SigningKeys.of(
                                Map.of(KeyPurpose.PARTNER_LINKS, k1(KeyPurpose.PARTNER_LINKS))));
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        assertThrows(
                SigningKeys.KeysUnavailable.class,
                () -> partnersOnly.verify(token, LinkPurpose.REFERENCE, now));
    }

    @Test
    void afterARotationOldLinksStillWorkAndNewOnesUseTheNewKey() {
        String before = links.issue(LinkPurpose.PARTNER, "partner-42", expires);
        SignedLink rotated =
                new SignedLink(
                        SigningKeys.each(
                                p ->
                                        new Keyring(
                                                "k2",
                                                Map.of(
                                                        "k1",
                                                        key(p, "k1"),
                                                        "k2",
                                                        key(p, "k2"),
                                                        Keyring.LEGACY,
                                                        OLD))));
        assertTrue(rotated.verify(before, LinkPurpose.PARTNER, now).valid());
        String after = rotated.issue(LinkPurpose.PARTNER, "partner-42", expires);
        assertTrue(payload(after).startsWith("2|k2|"), payload(after));
        // A function still holding the keyring of before the rotation (its cache) refuses k2
        // plainly until it
        // reads again: the rotation makes a key current only after every function can have read it
        // (README).
        assertEquals(LinkRefusal.TAMPERED, reason(links.verify(after, LinkPurpose.PARTNER, now)));
    }

    @Test
    void aRetiredKeysLinksAreRefusedLikeForgedOnes() {
        String before = links.issue(LinkPurpose.PARTNER, "partner-42", expires);
        SignedLink retired = new SignedLink(SigningKeys.each(p -> Keyring.of("k2", key(p, "k2"))));
        assertEquals(
                LinkRefusal.TAMPERED, reason(retired.verify(before, LinkPurpose.PARTNER, now)));
    }

    @Test
    void aLinkWithAMadeUpKeyIdIsRefused() {
        String token = links.issue(LinkPurpose.PARTNER, "partner-42", expires);
        String encoded = token.substring(0, token.indexOf('.'));
        String changed =
                Hmac.B64.encodeToString(
                        payload(token).replace("2|k1|", "2|k9|").getBytes(StandardCharsets.UTF_8));
        assertEquals(
                LinkRefusal.TAMPERED,
                reason(
                        links.verify(
                                changed + token.substring(encoded.length()),
                                LinkPurpose.PARTNER,
                                now)));
    }

    /** A link sent before key ids: version 1, signed with "links:" and the one key, as SignedLink did then. */
    private static String legacyLink(String purposeCode, String subject, Instant expiresAt) {
        String payload =
                String.join(
                        "|",
                        "1",
                        purposeCode,
                        subject,
                        Long.toString(expiresAt.getEpochSecond()),
                        "AAAAAAAAAAAAAAAAAAAAAAAA");
        String encoded = Hmac.B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + new Hmac(OLD).signUrlSafe(encoded, 32);
    }

    @Test
    void aLinkSentBeforeKeyIdsIsCheckedAgainstTheLegacyKeyUntilItExpires() {
        String sent = legacyLink("ref", "refreq-9", expires);
        var valid =
                assertInstanceOf(
                        LinkCheck.Valid.class, links.verify(sent, LinkPurpose.REFERENCE, now));
        assertEquals("refreq-9", valid.subjectId());
        assertEquals(
                LinkRefusal.EXPIRED, reason(links.verify(sent, LinkPurpose.REFERENCE, expires)));
        // Signed with the one key every purpose shared, so the purpose inside still decides.
        assertEquals(
                LinkRefusal.WRONG_PURPOSE, reason(links.verify(sent, LinkPurpose.PARTNER, now)));
    }

    @Test
    void onceTheLegacyKeyIsRetiredLinksWithoutAnIdAreRefused() {
        String sent = legacyLink("ref", "refreq-9", expires);
        SignedLink noLegacy = new SignedLink(SigningKeys.each(p -> Keyring.of("k1", key(p, "k1"))));
        assertEquals(
                LinkRefusal.TAMPERED, reason(noLegacy.verify(sent, LinkPurpose.REFERENCE, now)));
    }

    @Test
    void aKeyringNamesItsIdsButNeverItsKeys() {
        Keyring k = k1(KeyPurpose.REFEREE_LINKS);
        assertTrue(k.toString().contains("k1"));
        assertTrue(!k.toString().contains(key(KeyPurpose.REFEREE_LINKS, "k1")));
        assertThrows(
                IllegalArgumentException.class,
                () -> Keyring.of("k-1", OLD)); // ids are short and plain
        assertThrows(IllegalArgumentException.class, () -> Keyring.of("k1", "short"));
    }
}
