package org.involve.core.shortlisting;

import java.util.function.Supplier;
import org.involve.core.kit.KeyedHmac;

/**
 * The id a panel knows an applicant by. It is a keyed hash of the role and the application reference, so
 * the panel cannot work back to the reference, while staff (who hold the key) can match a shortlist to the
 * applications without storing a second id.
 */
public final class AnonymousIds {
    private final KeyedHmac hmac;

    public AnonymousIds(String key) {
        this.hmac = KeyedHmac.fixed(key);
    }

    /** The key read when an id is worked out (the panel ids' key from the key store). */
    public AnonymousIds(Supplier<String> key) {
        this.hmac = new KeyedHmac(key);
    }

    public String of(String roleId, String applicationReference) {
        if (roleId == null || applicationReference == null)
            throw new IllegalArgumentException("An anonymous id needs a role and an application");
        return "anon-" + hmac.get().signUrlSafe("panel|" + roleId + "|" + applicationReference, 12);
    }
}
