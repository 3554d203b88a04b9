package org.involve.adapters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.Keyring;
import org.involve.core.links.SigningKeys;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The signing keys, read from Secrets Manager when first needed and kept for {@link #FRESH} (5 minutes), so a warm
 * function makes no call for them. Each purpose's secret is named by a setting ({@link KeyPurpose#setting()}, its
 * ARN); a function without the setting has no keys of that purpose, and its role may not read the secret anyway.
 *
 * <p>A secret holds {@code {"current":"k2","k1":"...","k2":"...","legacy":"..."}}: the id new tokens are signed with
 * and every key still accepted, by id. A secret that is not JSON is one key with the id {@code legacy} (the
 * monitoring key, as it always was).
 *
 * <p>When Secrets Manager cannot be read (throttled, slow, down), the keys read last are used for another
 * {@link #RETRY_AFTER} before trying again: a short outage never stops links working. With none read yet, the request
 * fails ({@link SigningKeys.KeysUnavailable}). Keys are kept by wall-clock time, so a function restored from a
 * snapshot after priming reads them again once they are old; nothing is read while the function is built.
 */
public final class SecretsManagerSigningKeys implements SigningKeys {
    public static final Duration FRESH = Duration.ofMinutes(5);
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** jackson-core's streaming parser only: Jackson databind is not loaded on a request that signs links. */
    private static final JsonFactory JSON = new JsonFactory();

    /** Names in a keyring's JSON that are not key ids (the rotation's bookkeeping: {@link SecretsManagerKeyRotation}). */
    static final java.util.Set<String> RESERVED = java.util.Set.of("current", "next", "retired");

    private final Supplier<SecretsManagerClient> client;
    private final Function<KeyPurpose, Optional<String>> secretIds;
    private final Clock clock;
    private final Consumer<String> warn;
    private final Map<KeyPurpose, Held> held = new EnumMap<>(KeyPurpose.class);

    private record Held(Keyring keyring, Instant readAgainAt) {}

    /**
     * @param client asked for only when a secret is first read (a function that signs nothing builds no client)
     * @param secretIds each purpose's secret (ARN or name), empty for a purpose the function was not given
     * @param warn where a failed read is told (no key, no value: the purpose and the error's kind only)
     */
    public SecretsManagerSigningKeys(
            Supplier<SecretsManagerClient> client,
            Function<KeyPurpose, Optional<String>> secretIds,
            Clock clock,
            Consumer<String> warn) {
        this.client = client;
        this.secretIds = secretIds;
        this.clock = clock;
        this.warn = warn;
    }

    @Override
    public synchronized Keyring keyring(KeyPurpose purpose) {
        Instant now = clock.instant();
        Held h = held.get(purpose);
        if (h != null && now.isBefore(h.readAgainAt())) return h.keyring();
        String secretId =
                secretIds
                        .apply(purpose)
                        .orElseThrow(
                                () ->
                                        new KeysUnavailable(
                                                purpose,
                                                "this function is not given " + purpose.setting()));
        try {
            String value = client.get().getSecretValue(r -> r.secretId(secretId)).secretString();
            Keyring keyring = parse(purpose, value);
            held.put(purpose, new Held(keyring, now.plus(FRESH)));
            return keyring;
        } catch (SdkException e) {
            if (h == null)
                throw new KeysUnavailable(purpose, "Secrets Manager refused or did not answer", e);
            warn.accept(
                    "Signing keys "
                            + purpose
                            + " could not be read again ("
                            + e.getClass().getSimpleName()
                            + "): using those read before for "
                            + RETRY_AFTER.toSeconds()
                            + "s");
            held.put(purpose, new Held(h.keyring(), now.plus(RETRY_AFTER)));
            return h.keyring();
        }
    }

    /** A secret's value as a keyring (the layout in the class comment). */
    static Keyring parse(KeyPurpose purpose, String value) {
        if (value == null || value.isBlank())
            throw new KeysUnavailable(purpose, "the secret is empty");
        String v = value.strip();
        if (!v.startsWith("{")) return Keyring.of(Keyring.LEGACY, v);
        try (JsonParser p = JSON.createParser(v)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object");
            String current = "";
            Map<String, String> keys = new LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t == null) throw new IOException("cut short");
                String name = p.currentName();
                String text = text(p, p.nextToken());
                if (name.equals("current")) current = text == null ? "" : text;
                else if (!RESERVED.contains(name)) keys.put(name, text == null ? "null" : text);
            }
            return new Keyring(current, keys);
        } catch (IOException | IllegalArgumentException e) {
            // Never the value in the message.
            throw new KeysUnavailable(purpose, "the secret is not a keyring");
        }
    }

    /**
     * A value as Jackson's tree model's {@code asText()} gave it (what this read before): a string's text, a number's
     * or a boolean's as written, null for null (so the caller chooses), and "" for an object or an array.
     */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == null) throw new IOException("cut short");
        if (t == JsonToken.VALUE_NULL) return null;
        if (t.isScalarValue()) return p.getText();
        p.skipChildren();
        return "";
    }
}
