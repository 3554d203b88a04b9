package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.Keyring;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.links.SigningKeys;
import org.involve.emulators.EmbeddedSecretsManager;
import org.involve.emulators.EmbeddedSecretsManager.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The keys from Secrets Manager (the local emulator), kept warm, and what happens when it fails. */
class SecretsManagerSigningKeysTest {
    private static EmbeddedSecretsManager sm;
    private static SecretsManagerClient client;
    private static int made;

    private static final String A = "a".repeat(40), B = "b".repeat(40), P = "p".repeat(40);

    @BeforeAll
    static void start() {
        sm = EmbeddedSecretsManager.start(0, null);
        // As AwsClients.secretsManager() builds it, pointed at the emulator.
        client =
                SecretsManagerClient.builder()
                        .endpointOverride(URI.create(sm.endpoint().toString()))
                        .region(org.involve.emulators.LocalAws.REGION)
                        .credentialsProvider(org.involve.emulators.LocalAws.credentials())
                        .httpClientBuilder(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(1))
                                        .socketTimeout(Duration.ofSeconds(2)))
                        .overrideConfiguration(
                                c ->
                                        c.retryStrategy(
                                                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                                        .maxAttempts(2)
                                                        .build()))
                        .build();
        sm.createIfAbsent(
                "referees", "{\"current\":\"k1\",\"k1\":\"" + A + "\",\"legacy\":\"" + B + "\"}");
        sm.createIfAbsent("partners", "{\"current\":\"k1\",\"k1\":\"" + P + "\"}");
        sm.createIfAbsent("answers", B); // not JSON: one key, "legacy"
        sm.createIfAbsent("broken", "{\"current\":\"k3\",\"k1\":\"" + A + "\"}");
    }

    @AfterAll
    static void stop() {
        client.close();
        sm.close();
    }

    private static final class Now extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Now clock = new Now();
    private final List<String> warnings = new ArrayList<>();

    private SecretsManagerSigningKeys keys(Map<KeyPurpose, String> secrets) {
        return new SecretsManagerSigningKeys(
                () -> {
                    made++;
                    return client;
                },
                p -> Optional.ofNullable(secrets.get(p)),
                clock,
                warnings::add);
    }

    private final SecretsManagerSigningKeys keys =
            keys(
                    Map.of(
                            KeyPurpose.REFEREE_LINKS, "referees",
                            KeyPurpose.PARTNER_LINKS, EmbeddedSecretsManager.arnOf("partners"),
                            KeyPurpose.MONITORING_ANSWERS, "answers",
                            KeyPurpose.PANEL_IDS, "broken"));

    @Test
    void aPurposesKeysAreReadFromItsSecretByNameOrArn() {
        Keyring referees = keys.keyring(KeyPurpose.REFEREE_LINKS);
        assertEquals("k1", referees.currentId());
        assertEquals(A, referees.current());
        assertEquals(Optional.of(B), referees.key(Keyring.LEGACY));
        assertEquals(P, keys.keyring(KeyPurpose.PARTNER_LINKS).current());
        Keyring answers = keys.keyring(KeyPurpose.MONITORING_ANSWERS);
        assertEquals(Keyring.LEGACY, answers.currentId());
        assertEquals(B, answers.current());
    }

    @Test
    void buildingTheKeysReadsNothingAndAWarmFunctionMakesNoCallForFiveMinutes() {
        int madeBefore = made;
        SecretsManagerSigningKeys fresh = keys(Map.of(KeyPurpose.REFEREE_LINKS, "referees"));
        assertEquals(madeBefore, made, "no client before the first key is needed");
        fresh.keyring(KeyPurpose.REFEREE_LINKS);
        int calls = sm.calls();
        for (int i = 0; i < 50; i++) fresh.keyring(KeyPurpose.REFEREE_LINKS);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        fresh.keyring(KeyPurpose.REFEREE_LINKS);
        assertEquals(calls, sm.calls(), "served from what it holds");
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        fresh.keyring(KeyPurpose.REFEREE_LINKS);
        assertEquals(calls + 1, sm.calls(), "read again after five minutes");
    }

    @Test
    void aRotatedKeyIsPickedUpWhenTheKeysAreReadAgain() {
        sm.createIfAbsent("rotating", "{\"current\":\"k1\",\"k1\":\"" + A + "\"}");
        SecretsManagerSigningKeys k = keys(Map.of(KeyPurpose.APPLICANT_LINKS, "rotating"));
        assertEquals("k1", k.keyring(KeyPurpose.APPLICANT_LINKS).currentId());
        client.putSecretValue(
                r ->
                        r.secretId("rotating")
                                .secretString(
                                        "{\"current\":\"k2\",\"k1\":\""
                                                + A
                                                + "\",\"k2\":\""
                                                + B
                                                + "\"}"));
        assertEquals("k1", k.keyring(KeyPurpose.APPLICANT_LINKS).currentId());
        clock.now = clock.now.plus(SecretsManagerSigningKeys.FRESH);
        Keyring after = k.keyring(KeyPurpose.APPLICANT_LINKS);
        assertEquals("k2", after.currentId());
        assertEquals(Optional.of(A), after.key("k1"));
    }

    @Test
    void whenSecretsManagerThrottlesTheKeysReadBeforeAreUsedAndLinksKeepWorking() {
        SignedLink links = new SignedLink(keys);
        Instant expires = clock.now.plus(Duration.ofDays(28));
        String token = links.issue(LinkPurpose.REFERENCE, "refreq-1", expires);
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        sm.failNext(2, Fault.THROTTLING); // both tries of the one read
        assertTrue(links.verify(token, LinkPurpose.REFERENCE, clock.now).valid());
        assertEquals(1, warnings.size(), String.valueOf(warnings));
        assertFalse(warnings.get(0).contains(A), "no key in a log line");
        // It tries again only after a pause, not on every request.
        int calls = sm.calls();
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        assertTrue(links.verify(token, LinkPurpose.REFERENCE, clock.now).valid());
        assertEquals(calls, sm.calls());
    }

    @Test
    void whenSecretsManagerIsSlowOrFailingTheKeysReadBeforeAreUsed() {
        assertEquals(A, keys.keyring(KeyPurpose.REFEREE_LINKS).current());
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        sm.failNext(1, Fault.SLOW);
        sm.failNext(1, Fault.INTERNAL_ERROR);
        long started = System.nanoTime();
        assertEquals(A, keys.keyring(KeyPurpose.REFEREE_LINKS).current());
        assertTrue(
                Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0,
                "gives up within the client's timeouts");
        assertEquals(1, warnings.size());
    }

    @Test
    void withNoKeysReadYetAFailureFailsTheRequest() {
        sm.failNext(2, Fault.INTERNAL_ERROR);
        var failed =
                assertThrows(
                        SigningKeys.KeysUnavailable.class,
                        () -> keys.keyring(KeyPurpose.REFEREE_LINKS));
        assertTrue(failed.getMessage().contains("REFEREE_LINKS"));
    }

    @Test
    void aFunctionNotGivenAPurposesSecretHasNoKeysOfThatPurpose() {
        var failed =
                assertThrows(
                        SigningKeys.KeysUnavailable.class,
                        () -> keys.keyring(KeyPurpose.INTERVIEW_LINKS));
        assertTrue(failed.getMessage().contains("INTERVIEW_LINKS_KEY_SECRET"));
        // And a link of another purpose is no link of this one.
        String referees =
                new SignedLink(keys)
                        .issue(LinkPurpose.REFERENCE, "refreq-1", clock.now.plusSeconds(60));
        assertEquals(
                LinkRefusal.TAMPERED,
                assertInstanceOf(
                                LinkCheck.Refused.class,
                                new SignedLink(keys)
                                        .verify(referees, LinkPurpose.PARTNER, clock.now))
                        .reason());
    }

    @Test
    void aSecretThatIsNotAKeyringIsRefusedWithoutShowingIt() {
        var failed =
                assertThrows(
                        SigningKeys.KeysUnavailable.class,
                        () -> keys.keyring(KeyPurpose.PANEL_IDS));
        assertFalse(failed.getMessage().contains(A));
    }
}
