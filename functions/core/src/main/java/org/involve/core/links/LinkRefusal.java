package org.involve.core.links;

import org.involve.core.kit.Words;

/** Why a link was not accepted, with what to tell the person who followed it (error.link.* in content/common). */
public enum LinkRefusal {
    TAMPERED("tampered"),
    EXPIRED("expired"),
    WRONG_PURPOSE("wrongPurpose"),
    ALREADY_USED("alreadyUsed"),
    /** The link was for someone staff have since replaced (a referee), so it is no longer needed. */
    REPLACED("replaced");

    private final String key;

    LinkRefusal(String key) {
        this.key = key;
    }

    public String message() {
        return Words.of("common").get("error.link." + key);
    }
}
