package org.involve.core.links;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the signing keys come from (a port: in AWS each purpose's secret in Secrets Manager, read when first needed
 * and kept for a few minutes). Asking for a purpose the function was not given fails: a function holds only the keys
 * of what it signs or verifies.
 */
@FunctionalInterface
public interface SigningKeys {
    /**
     * The purpose's keys now.
     *
     * @throws KeysUnavailable when they cannot be read and none were read before
     */
    Keyring keyring(KeyPurpose purpose);

    /** Fixed keyrings (tests; never in a function). */
    static SigningKeys of(Map<KeyPurpose, Keyring> keyrings) {
        Map<KeyPurpose, Keyring> copy = new EnumMap<>(keyrings);
        return purpose -> {
            Keyring k = copy.get(purpose);
            if (k == null) throw new KeysUnavailable(purpose, "not given to this function");
            return k;
        };
    }

    /** Every purpose its own keyring, worked out from the purpose (tests). */
    static SigningKeys each(Function<KeyPurpose, Keyring> keyring) {
        Map<KeyPurpose, Keyring> all = new EnumMap<>(KeyPurpose.class);
        for (KeyPurpose p : KeyPurpose.values()) all.put(p, keyring.apply(p));
        return of(all);
    }

    /** The keys of a purpose cannot be had: the request fails (a 5xx), it is never served with a made-up key. */
    final class KeysUnavailable extends IllegalStateException {
        public KeysUnavailable(KeyPurpose purpose, String why) {
            super("The " + purpose + " signing keys cannot be read: " + why);
        }

        public KeysUnavailable(KeyPurpose purpose, String why, Throwable cause) {
            super("The " + purpose + " signing keys cannot be read: " + why, cause);
        }
    }
}
