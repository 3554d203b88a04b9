package org.involve.core.staff;

/**
 * The signed-in person's groups do not allow what they tried. The message is safe to show and to log:
 * it names the action, never the person.
 */
public final class AccessDenied extends RuntimeException {
    private final Permission permission;

    public AccessDenied(Permission permission) {
        super("Your account cannot " + permission.description() + ". If you need to, ask the patient and public involvement team to add you to the right group.");
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
