package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.Keyring;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.emulators.EmbeddedSecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The four rotation steps against the local Secrets Manager, as RotateSecret drives them. */
class SecretsManagerKeyRotationTest {
    private static final Duration KEEP = Duration.ofDays(401);
    private final EmbeddedSecretsManager sm = EmbeddedSecretsManager.start(0, null);
    private final SecretsManagerClient client = sm.client();
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final String legacy = "links:the-one-key-of-before-0123456789abcdef";

    @AfterEach
    void stop() {
        client.close();
        sm.close();
    }

    private void rotate(String token) {
        var rotation =
                new SecretsManagerKeyRotation(client, Clock.fixed(now, ZoneOffset.UTC), KEEP);
        Map<String, String> event = sm.startRotation("partners", token);
        for (String step :
                new String[] {"createSecret", "setSecret", "testSecret", "finishSecret"}) {
            rotation.step(event.get("SecretId"), token, step);
            rotation.step(
                    event.get("SecretId"), token, step); // Secrets Manager may call a step again
        }
    }

    private Keyring keyring() {
        return SecretsManagerSigningKeys.parse(KeyPurpose.PARTNER_LINKS, sm.current("partners"));
    }

    @Test
    void linksSentBeforeARotationKeepWorkingAndTheNewKeySignsFromTheRotationAfter() {
        sm.createIfAbsent(
                "partners",
                "{\"current\":\"k1\",\"legacy\":\""
                        + legacy
                        + "\",\"k1\":\""
                        + "x".repeat(48)
                        + "\"}");
        SecretsManagerSigningKeys keys =
                new SecretsManagerSigningKeys(
                        () -> client,
                        p -> Optional.of("partners"),
                        new Clock() {
                            @Override
                            public java.time.ZoneId getZone() {
                                return ZoneOffset.UTC;
                            }

                            @Override
                            public Clock withZone(java.time.ZoneId zone) {
                                return this;
                            }

                            @Override
                            public Instant instant() {
                                return now;
                            }
                        },
                        w -> {});
        SignedLink links = new SignedLink(keys);
        String sentAtDeploy =
                links.issue(LinkPurpose.PARTNER, "partner-1", now.plus(Duration.ofDays(60)));

        now = now.plus(Duration.ofDays(90));
        rotate("rotation-1-token-0123456789abcdefgh");
        Keyring after1 = keyring();
        assertEquals("k1", after1.currentId(), "the new key is only the next one yet");
        assertEquals(3, after1.keys().size());
        String firstNew = SecretsManagerKeyRotation.read(sm.current("partners")).next();
        assertTrue(after1.key(firstNew).isPresent());

        now = now.plus(Duration.ofDays(90));
        rotate("rotation-2-token-0123456789abcdefgh");
        assertEquals(firstNew, keyring().currentId());
        // Functions pick it up when their five minutes are up; the link of before still works (k1
        // is kept).
        now = now.plus(Duration.ofMinutes(5));
        String sentNow =
                links.issue(LinkPurpose.PARTNER, "partner-1", now.plus(Duration.ofDays(60)));
        assertNotEquals(sentAtDeploy.substring(0, 8), sentNow.substring(0, 8));
        assertTrue(links.verify(sentNow, LinkPurpose.PARTNER, now).valid());
        assertTrue(
                links.verify(sentAtDeploy, LinkPurpose.PARTNER, now.minus(Duration.ofDays(150)))
                        .valid());
        // The previous value is AWSPREVIOUS, as Secrets Manager keeps it.
        assertFalse(
                client.getSecretValue(r -> r.secretId("partners").versionStage("AWSPREVIOUS"))
                        .secretString()
                        .isEmpty());
    }

    @Test
    void theLegacyKeyGoesOnceTheLongestLinkItSignedHasExpired() {
        sm.createIfAbsent(
                "partners",
                "{\"current\":\"k1\",\"legacy\":\""
                        + legacy
                        + "\",\"k1\":\""
                        + "x".repeat(48)
                        + "\"}");
        Instant firstRotation = now.plus(Duration.ofDays(90));
        for (int i = 1; i <= 7; i++) {
            now = now.plus(Duration.ofDays(90));
            rotate("rotation-" + i + "-token-0123456789abcdefgh");
            assertEquals(
                    now.isBefore(firstRotation.plus(KEEP)),
                    keyring().key(Keyring.LEGACY).isPresent(),
                    "at " + now);
        }
        assertFalse(keyring().key(Keyring.LEGACY).isPresent());
    }

    @Test
    void aRotationOfASecretNotMarkedForItIsRefused() {
        sm.createIfAbsent("partners", "{\"current\":\"k1\",\"k1\":\"" + "x".repeat(48) + "\"}");
        var rotation =
                new SecretsManagerKeyRotation(client, Clock.fixed(now, ZoneOffset.UTC), KEEP);
        assertThrows(
                IllegalStateException.class,
                () ->
                        rotation.step(
                                "partners", "no-such-token-0123456789abcdefghij", "createSecret"));
    }
}
