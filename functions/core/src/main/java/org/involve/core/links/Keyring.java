package org.involve.core.links;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of one purpose: the one new tokens are signed with ({@link #currentId()}) and every key a token still in
 * someone's hands may have been signed with, by key id. Ids are short (letters and digits, at most 12) because
 * every token carries one. A token made before key ids existed is checked against {@link #LEGACY}.
 */
public record Keyring(String currentId, Map<String, String> keys) {
    /** The id of the key tokens without an id were signed with: the single key used before keys had ids. */
    public static final String LEGACY = "legacy";

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,12}");

    public Keyring {
        keys = Map.copyOf(keys);
        if (currentId == null || !keys.containsKey(currentId))
            throw new IllegalArgumentException("A keyring's current key must be one of its keys");
        for (var e : keys.entrySet()) {
            if (!ID.matcher(e.getKey()).matches())
                throw new IllegalArgumentException("A key id must be 1 to 12 letters or digits");
            if (e.getValue() == null || e.getValue().length() < 32)
                throw new IllegalArgumentException("A signing key must be at least 32 characters");
        }
    }

    /** One key, used for everything (tests, and the derivation keys that never rotate). */
    public static Keyring of(String id, String key) {
        return new Keyring(id, Map.of(id, key));
    }

    public String current() {
        return keys.get(currentId);
    }

    /** The key with this id, if the keyring still holds it (a retired or made-up id has none). */
    public Optional<String> key(String id) {
        return Optional.ofNullable(id == null ? null : keys.get(id));
    }

    /** Names the ids only: never the keys. */
    @Override
    public String toString() {
        return "Keyring[current="
                + currentId
                + ", ids="
                + new java.util.TreeSet<>(keys.keySet())
                + "]";
    }
}
