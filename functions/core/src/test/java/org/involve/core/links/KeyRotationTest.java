package org.involve.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
    private static final Duration KEEP = Duration.ofDays(401); // withdraw links live 400 days
    private static final Duration EVERY = Duration.ofDays(90);
    private final Instant deploy = Instant.parse("2026-12-02T10:00:00Z");

    private static String key(int n) {
        return "key-number-" + n + "-of-enough-length-0123456789abcdef";
    }

    /** As the first deploy makes a link secret: a fresh k1 current, the key of before as legacy. */
    private KeyRotation firstDeploy() {
        return new KeyRotation(
                new Keyring("k1", Map.of("k1", key(1), Keyring.LEGACY, key(0))), null, Map.of());
    }

    @Test
    void aNewKeyIsAddedAsTheNextAndBecomesCurrentOnlyAtTheRotationAfter() {
        KeyRotation r1 = firstDeploy().rotate(key(2), deploy.plus(EVERY), KEEP);
        assertEquals("k1", r1.keyring().currentId(), "not current before every function has it");
        assertEquals(KeyRotation.idAt(deploy.plus(EVERY)), r1.next());
        assertEquals("k2703021000", r1.next());
        KeyRotation r2 = r1.rotate(key(3), deploy.plus(EVERY.multipliedBy(2)), KEEP);
        assertEquals(r1.next(), r2.keyring().currentId());
        assertEquals(key(2), r2.keyring().current());
        assertTrue(r2.keyring().key("k1").isPresent(), "k1 still checks the links it signed");
    }

    @Test
    void aKeyIsKeptUntilTheLongestLinkItCanHaveSignedHasExpired() {
        KeyRotation r = firstDeploy();
        Instant at = deploy;
        // The legacy key stopped at the first rotation (no record of before); k1 at the second.
        Instant legacyStopped = deploy.plus(EVERY), k1Stopped = deploy.plus(EVERY.multipliedBy(2));
        for (int i = 2; i < 12; i++) {
            at = at.plus(EVERY);
            r = r.rotate(key(i), at, KEEP);
            assertEquals(
                    at.isBefore(legacyStopped.plus(KEEP)),
                    r.keyring().key(Keyring.LEGACY).isPresent(),
                    "legacy at " + at);
            assertEquals(
                    at.isBefore(k1Stopped.plus(KEEP)),
                    r.keyring().key("k1").isPresent(),
                    "k1 at " + at);
            // Never more keys than a link's life needs: current, next, and those retired within
            // KEEP.
            assertTrue(r.keyring().keys().size() <= 2 + KEEP.toDays() / EVERY.toDays() + 1);
        }
        assertFalse(r.keyring().key(Keyring.LEGACY).isPresent());
    }

    @Test
    void theCurrentAndNextKeysAreNeverRetired() {
        KeyRotation r = firstDeploy().rotate(key(2), deploy, Duration.ZERO);
        assertTrue(r.keyring().key("k1").isPresent());
        assertTrue(r.keyring().key(r.next()).isPresent());
        assertFalse(r.keyring().key(Keyring.LEGACY).isPresent(), "kept for no time at all");
    }
}
