package org.involve.core.links;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rotation of a link purpose's keys. A new key is first added as the <em>next</em> key and becomes current only at
 * the rotation after, so every function has read it (they keep keys 5 minutes) long before any link signed with it
 * arrives. A key that stops being current is kept {@code keep} longer (the longest a link lives), then removed; a key
 * with no record of when it stopped (the legacy key, the first deploy's k1) counts from this rotation.
 *
 * @param keyring the keys, with the current one
 * @param next the id of the key that becomes current at the next rotation, or null
 * @param retired when each key that is no longer current stopped being current
 */
public record KeyRotation(Keyring keyring, String next, Map<String, Instant> retired) {
    private static final DateTimeFormatter ID =
            DateTimeFormatter.ofPattern("'k'yyMMddHHmm").withZone(ZoneOffset.UTC);

    public KeyRotation {
        retired = Map.copyOf(retired);
        if (next != null && keyring.key(next).isEmpty())
            throw new IllegalArgumentException("The next key must be one of the keys");
    }

    /** The id a key made at {@code now} gets: "k" and the minute, short enough for every link. */
    public static String idAt(Instant now) {
        return ID.format(now);
    }

    /**
     * The keys after one rotation at {@code now}: the next key (if any) becomes current, {@code newKey} becomes the
     * next, and keys retired more than {@code keep} ago are gone.
     */
    public KeyRotation rotate(String newKey, Instant now, Duration keep) {
        String newId = idAt(now);
        if (keyring.key(newId).isPresent())
            throw new IllegalStateException("A key was made this minute already");
        Map<String, String> keys = new LinkedHashMap<>(keyring.keys());
        Map<String, Instant> stopped = new LinkedHashMap<>(retired);
        String current = keyring.currentId();
        if (next != null) {
            stopped.put(current, now);
            current = next;
        }
        for (String id : keys.keySet())
            if (!id.equals(current) && !stopped.containsKey(id)) stopped.put(id, now);
        stopped.remove(current);
        for (var e : Map.copyOf(stopped).entrySet())
            if (!e.getValue().plus(keep).isAfter(now)) {
                keys.remove(e.getKey());
                stopped.remove(e.getKey());
            }
        keys.put(newId, newKey);
        stopped.keySet().retainAll(keys.keySet());
        return new KeyRotation(new Keyring(current, keys), newId, stopped);
    }
}
