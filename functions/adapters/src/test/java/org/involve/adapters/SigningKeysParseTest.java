package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.Keyring;
import org.involve.core.links.SigningKeys;
import org.junit.jupiter.api.Test;

/**
 * {@link SecretsManagerSigningKeys#parse} reads a secret over jackson-core's streaming parser (so a request that signs
 * links loads no Jackson databind) and gives what its reading through Jackson's tree model gave: the same keyring, or
 * the same refusal.
 */
class SigningKeysParseTest {
    private static final String K1 = "k1-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String K2 = "k2-0123456789abcdefghijklmnopqrstuvwxyz";

    @Test
    void aSecretReadsAsTheTreeModelReadIt() {
        List<String> secrets =
                List.of(
                        "{\"current\":\"k2\",\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}",
                        "{\"current\":\"k1\",\"next\":\"k2\",\"k1\":\""
                                + K1
                                + "\",\"k2\":\""
                                + K2
                                + "\"}",
                        "{\"k1\":\""
                                + K1
                                + "\",\"current\":\"k1\",\"retired\":{\"k0\":\"2026-01-01\"}}",
                        "{\"current\":\"k1\",\"k1\":\"" + K1 + "\",\"k1\":\"" + K2 + "\"}",
                        " {\"current\":\"k1\",\"k1\":\"" + K1 + "\"} ",
                        "{\"current\":\"k1\",\"k1\":\"" + K1 + "\",\"k3\":12345}",
                        "{\"current\":\"k1\",\"k1\":\"" + K1 + "\",\"k4\":[\"" + K2 + "\"]}",
                        "{\"current\":\"k1\",\"k1\":\"" + K1 + "\",\"k5\":null}",
                        "{\"current\":null,\"null\":\"" + K1 + "\"}",
                        "{\"k1\":\"" + K1 + "\"}",
                        "{\"current\":\"k1\",\"k1\":\"" + K1 + "\"",
                        "{\"current\":\"k1\",\"k1\":\"" + K1 + "\"} trailing",
                        "{}",
                        "{not json",
                        K1);
        for (String secret : secrets)
            assertEquals(outcome(() -> treeModel(secret)), outcome(() -> parse(secret)), secret);
    }

    private static Keyring parse(String secret) {
        return SecretsManagerSigningKeys.parse(KeyPurpose.PANEL_IDS, secret);
    }

    /** The reading before 2026-12-02, through Jackson databind's tree model. */
    private static Keyring treeModel(String value) {
        String v = value.strip();
        if (!v.startsWith("{")) return Keyring.of(Keyring.LEGACY, v);
        try {
            JsonNode node = new ObjectMapper().readTree(v);
            String current = node.path("current").asText("");
            Map<String, String> keys = new LinkedHashMap<>();
            node.fields()
                    .forEachRemaining(
                            e -> {
                                if (!SecretsManagerSigningKeys.RESERVED.contains(e.getKey()))
                                    keys.put(e.getKey(), e.getValue().asText());
                            });
            return new Keyring(current, keys);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new SigningKeys.KeysUnavailable(
                    KeyPurpose.PANEL_IDS, "the secret is not a keyring");
        }
    }

    private static String outcome(java.util.function.Supplier<Keyring> read) {
        try {
            Keyring k = read.get();
            return k.currentId() + " " + new java.util.TreeMap<>(k.keys());
        } catch (SigningKeys.KeysUnavailable e) {
            return "refused: " + e.getMessage();
        }
    }
}
