package org.involve.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.KeyRotation;
import org.involve.core.links.Keyring;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Rotates a link purpose's keys by Secrets Manager's four-step contract (Secrets Manager calls the rotation function
 * once per step with the same ClientRequestToken; each step may be called again and must do no harm):
 *
 * <ol>
 *   <li>{@code createSecret}: the keyring after one {@link KeyRotation} (a new random key as the next one, the next
 *       made current, keys past their time removed) is put as a new version under AWSPENDING, unless that version exists;
 *   <li>{@code setSecret}: nothing: no other system holds these keys;
 *   <li>{@code testSecret}: the pending version must read as a keyring whose current key is one the current version
 *       already has (so no function can be asked to check a link signed with a key it has never read);
 *   <li>{@code finishSecret}: AWSCURRENT moves to the pending version (the old one becomes AWSPREVIOUS).
 * </ol>
 *
 * Never logs a key.
 */
public final class SecretsManagerKeyRotation {
    public static final String CURRENT = "AWSCURRENT", PENDING = "AWSPENDING";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecretsManagerClient client;
    private final Clock clock;
    private final Duration keep;

    /** @param keep how long a key is kept after it stops being current: the longest any link of the purpose lives */
    public SecretsManagerKeyRotation(SecretsManagerClient client, Clock clock, Duration keep) {
        this.client = client;
        this.clock = clock;
        this.keep = keep;
    }

    public void step(String secretId, String token, String step) {
        Map<String, List<String>> versions =
                client.describeSecret(r -> r.secretId(secretId)).versionIdsToStages();
        // As AWS's own rotation functions check: Secrets Manager marks the rotation's version
        // AWSPENDING before step 1.
        List<String> stages = versions.get(token);
        if (stages == null)
            throw new IllegalStateException("The secret has no version for this rotation");
        if (stages.contains(CURRENT)) return; // this rotation has finished already
        if (!stages.contains(PENDING))
            throw new IllegalStateException("The rotation's version is not AWSPENDING");
        switch (step) {
            case "createSecret" -> create(secretId, token);
            case "setSecret" -> {}
            case "testSecret" -> test(secretId, token);
            case "finishSecret" -> finish(secretId, token, versions);
            default -> throw new IllegalArgumentException("Unknown rotation step " + step);
        }
    }

    private void create(String secretId, String token) {
        try {
            client.getSecretValue(r -> r.secretId(secretId).versionId(token).versionStage(PENDING));
            return; // made on an earlier try
        } catch (ResourceNotFoundException notYet) {
            // make it
        }
        String now = client.getSecretValue(r -> r.secretId(secretId)).secretString();
        KeyRotation rotated = read(now).rotate(randomKey(), clock.instant(), keep);
        String value = write(rotated);
        client.putSecretValue(
                r ->
                        r.secretId(secretId)
                                .clientRequestToken(token)
                                .secretString(value)
                                .versionStages(PENDING));
    }

    private void test(String secretId, String token) {
        Keyring current =
                read(client.getSecretValue(r -> r.secretId(secretId)).secretString()).keyring();
        KeyRotation pending =
                read(
                        client.getSecretValue(
                                        r ->
                                                r.secretId(secretId)
                                                        .versionId(token)
                                                        .versionStage(PENDING))
                                .secretString());
        if (!current.key(pending.keyring().currentId()).isPresent())
            throw new IllegalStateException(
                    "The pending keys' current key is not in the keys functions hold now");
    }

    private void finish(String secretId, String token, Map<String, List<String>> versions) {
        String currentVersion = null;
        for (var e : versions.entrySet())
            if (e.getValue().contains(CURRENT)) currentVersion = e.getKey();
        if (token.equals(currentVersion)) return; // finished on an earlier try
        String from = currentVersion;
        client.updateSecretVersionStage(
                r ->
                        r.secretId(secretId)
                                .versionStage(CURRENT)
                                .moveToVersionId(token)
                                .removeFromVersionId(from));
    }

    /** A link secret's JSON as a rotation's state; a plain value or JSON without bookkeeping reads as a first deploy's. */
    public static KeyRotation read(String value) {
        Keyring keyring = SecretsManagerSigningKeys.parse(KeyPurpose.APPLICANT_LINKS, value);
        String next = null;
        Map<String, Instant> retired = new LinkedHashMap<>();
        if (value.strip().startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(value);
                if (node.hasNonNull("next")) next = node.get("next").asText();
                node.path("retired")
                        .fields()
                        .forEachRemaining(
                                e -> retired.put(e.getKey(), Instant.parse(e.getValue().asText())));
            } catch (IOException e) {
                throw new UncheckedIOException("The secret is not a keyring", e);
            }
        }
        return new KeyRotation(keyring, next, retired);
    }

    public static String write(KeyRotation rotation) {
        ObjectNode node = JSON.createObjectNode();
        node.put("current", rotation.keyring().currentId());
        if (rotation.next() != null) node.put("next", rotation.next());
        ObjectNode retired = node.putObject("retired");
        rotation.retired().forEach((id, at) -> retired.put(id, at.toString()));
        rotation.keyring().keys().forEach(node::put);
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey() {
        StringBuilder key = new StringBuilder(48);
        for (int i = 0; i < 48; i++) key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return key.toString();
    }
}
