package org.involve.core.kit;

import java.util.function.Supplier;

/**
 * An {@link Hmac} whose key is asked for each time it is used (it may come from a store that refreshes it), made again
 * only when the key changes.
 */
public final class KeyedHmac {
    private final Supplier<String> key;
    private volatile Made made;

    private record Made(String key, Hmac hmac) {}

    public KeyedHmac(Supplier<String> key) {
        this.key = key;
    }

    /** A fixed key, checked now. */
    public static KeyedHmac fixed(String key) {
        Hmac hmac = new Hmac(key);
        KeyedHmac k = new KeyedHmac(() -> key);
        k.made = new Made(key, hmac);
        return k;
    }

    public Hmac get() {
        String now = key.get();
        Made m = made;
        if (m == null || !m.key().equals(now)) {
            m = new Made(now, new Hmac(now));
            made = m;
        }
        return m.hmac();
    }
}
