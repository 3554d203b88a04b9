package org.involve.handlers.staff;

/** The request carries no signed-in person: answered with 401 and a link to sign in. */
public final class NotSignedIn extends RuntimeException {
    public NotSignedIn(String why) {
        super(why);
    }
}
