package org.involve.core.staff;

import org.involve.core.kit.Words;

/**
 * The signed-in person's groups do not allow what they tried. The message is safe to show and to log:
 * it names the action, never the person.
 */
public final class AccessDenied extends RuntimeException {
    private final Permission permission;

    public AccessDenied(Permission permission) {
        super(Words.of("staff").format("error.accessDenied", "action", permission.description()));
        this.permission = permission;
    }

    /** Refused for a reason of its own (the permission is held, but not for this record), in words that can be shown. */
    public AccessDenied(Permission permission, String message) {
        super(message);
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
