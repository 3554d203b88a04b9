package org.involve.core.shortlisting;

import org.involve.core.kit.Hmac;

/**
 * The id a panel knows an applicant by. It is a keyed hash of the role and the application reference, so
 * the panel cannot work back to the reference, while staff (who hold the key) can match a shortlist to the
 * applications without storing a second id.
 */
public final class AnonymousIds {
    private final Hmac hmac;

    public AnonymousIds(String key) {
        this.hmac = new Hmac(key);
    }

    public String of(String roleId, String applicationReference) {
        if (roleId == null || applicationReference == null)
            throw new IllegalArgumentException("An anonymous id needs a role and an application");
        return "anon-" + hmac.signUrlSafe("panel|" + roleId + "|" + applicationReference, 12);
    }
}
