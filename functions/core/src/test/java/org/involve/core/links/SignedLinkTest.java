package org.involve.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedLinkTest {
    private static final String KEY = "a-test-link-signing-key-of-enough-length";
    private final SignedLink links = new SignedLink(KEY);
    private final Instant issuedAt = Instant.parse("2025-03-20T10:00:00Z");
    private final Instant expires = issuedAt.plus(Duration.ofDays(14));

    private static LinkRefusal reason(LinkCheck c) {
        return assertInstanceOf(LinkCheck.Refused.class, c).reason();
    }

    @Test
    void aLinkGivesBackWhatItIsAboutForItsPurpose() {
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-7K3M", expires);
        var valid =
                assertInstanceOf(
                        LinkCheck.Valid.class,
                        links.verify(token, LinkPurpose.REFERENCE, issuedAt));
        assertEquals("refreq-7K3M", valid.subjectId());
        assertEquals(expires, valid.expiresAt());
        assertEquals(LinkPurpose.REFERENCE, valid.purpose());
    }

    @Test
    void aLinkIsValidUpToTheSecondBeforeItExpires() {
        String token = links.issue(LinkPurpose.INTERVIEW_BOOKING, "INV-7K3M-Q9P2", expires);
        assertTrue(
                links.verify(token, LinkPurpose.INTERVIEW_BOOKING, expires.minusSeconds(1))
                        .valid());
    }

    @Test
    void aLinkHasExpiredAtItsExpiryInstant() {
        String token = links.issue(LinkPurpose.INTERVIEW_BOOKING, "INV-7K3M-Q9P2", expires);
        assertEquals(
                LinkRefusal.EXPIRED,
                reason(links.verify(token, LinkPurpose.INTERVIEW_BOOKING, expires)));
    }

    @Test
    void aLinkHasExpiredAfterItsExpiry() {
        String token = links.issue(LinkPurpose.INTERVIEW_BOOKING, "INV-7K3M-Q9P2", expires);
        assertEquals(
                LinkRefusal.EXPIRED,
                reason(
                        links.verify(
                                token,
                                LinkPurpose.INTERVIEW_BOOKING,
                                expires.plus(Duration.ofDays(30)))));
    }

    @Test
    void aRefereesLinkCannotBeUsedToBookAnInterviewOrActAsAPartner() {
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-7K3M", expires);
        assertEquals(
                LinkRefusal.WRONG_PURPOSE,
                reason(links.verify(token, LinkPurpose.INTERVIEW_BOOKING, issuedAt)));
        assertEquals(
                LinkRefusal.WRONG_PURPOSE,
                reason(links.verify(token, LinkPurpose.PARTNER, issuedAt)));
    }

    @Test
    void changingAnyCharacterOfALinkIsTampering() {
        String token = links.issue(LinkPurpose.PARTNER, "partner-42", expires);
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') continue;
            char swapped = token.charAt(i) == 'A' ? 'B' : 'A';
            String changed = token.substring(0, i) + swapped + token.substring(i + 1);
            assertEquals(
                    LinkRefusal.TAMPERED,
                    reason(links.verify(changed, LinkPurpose.PARTNER, issuedAt)),
                    "changed at " + i);
        }
    }

    @Test
    void aPayloadRewrittenToAnotherSubjectOrALaterExpiryIsTampering() {
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        String[] parts = token.split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String forged =
                payload.replace("refreq-1", "refreq-2")
                        .replace(Long.toString(expires.getEpochSecond()), "99999999999");
        String encoded =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(forged.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                LinkRefusal.TAMPERED,
                reason(links.verify(encoded + "." + parts[1], LinkPurpose.REFERENCE, issuedAt)));
    }

    @Test
    void aLinkSignedWithAnotherKeyIsNotRecognised() {
        String token =
                new SignedLink("another-signing-key-of-enough-length!!")
                        .issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        assertEquals(
                LinkRefusal.TAMPERED, reason(links.verify(token, LinkPurpose.REFERENCE, issuedAt)));
    }

    @Test
    void aLinkCopiedOnlyInPartIsNotRecognised() {
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        assertEquals(
                LinkRefusal.TAMPERED,
                reason(
                        links.verify(
                                token.substring(0, token.length() - 5),
                                LinkPurpose.REFERENCE,
                                issuedAt)));
        assertEquals(
                LinkRefusal.TAMPERED, reason(links.verify("", LinkPurpose.REFERENCE, issuedAt)));
        assertEquals(
                LinkRefusal.TAMPERED, reason(links.verify(null, LinkPurpose.REFERENCE, issuedAt)));
        assertEquals(
                LinkRefusal.TAMPERED,
                reason(links.verify(token + "x", LinkPurpose.REFERENCE, issuedAt)));
    }

    @Test
    void aLinkIsSafeToPutInAnAddressAsItIs() {
        String token = links.issue(LinkPurpose.PARTNER, "partner-42", expires);
        assertTrue(token.matches("[A-Za-z0-9_.-]+"), token);
        assertTrue(token.length() < 220, "short enough for an e-mail line: " + token.length());
    }

    @Test
    void aLinkCarriesNothingButItsKeyIdThePurposeSubjectExpiryAndItsOwnId() {
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-7K3M", expires);
        String payload =
                new String(
                        Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                        StandardCharsets.UTF_8);
        String[] fields = payload.split("\\|");
        assertEquals(6, fields.length, payload);
        assertEquals("2", fields[0]); // the format with a key id
        assertEquals("k1", fields[1]);
        assertEquals("ref", fields[2]);
        assertEquals("refreq-7K3M", fields[3]);
        assertEquals(Long.toString(expires.getEpochSecond()), fields[4]);
    }

    @Test
    void aSubjectThatCouldBePersonalDataIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> links.issue(LinkPurpose.REFERENCE, "jo.testperson@example.org", expires));
        assertThrows(
                IllegalArgumentException.class,
                () -> links.issue(LinkPurpose.REFERENCE, "Jo Testperson", expires));
    }

    @Test
    void twoLinksForTheSameThingAreDifferentLinks() {
        var a =
                (LinkCheck.Valid)
                        links.verify(
                                links.issue(LinkPurpose.REFERENCE, "refreq-1", expires),
                                LinkPurpose.REFERENCE,
                                issuedAt);
        var b =
                (LinkCheck.Valid)
                        links.verify(
                                links.issue(LinkPurpose.REFERENCE, "refreq-1", expires),
                                LinkPurpose.REFERENCE,
                                issuedAt);
        assertNotEquals(a.tokenId(), b.tokenId());
    }

    @Test
    void everyRefusalHasAPlainMessage() {
        for (LinkRefusal r : LinkRefusal.values()) {
            assertFalse(r.message().isBlank());
            assertFalse(r.message().toLowerCase().contains("token"), r.message());
        }
    }

    @Test
    void aShortSigningKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SignedLink("too-short"));
    }
}
