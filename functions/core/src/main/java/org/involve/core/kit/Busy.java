package org.involve.core.kit;

/**
 * The store could not take a change just now (other writes to the same records at that moment, or too many at once),
 * even after trying again a few times; nothing of the change was saved. Pages answer it with "try again" (503), never
 * as a fault; a scheduled job simply runs again.
 */
public class Busy extends RuntimeException {
    public Busy(String message, Throwable cause) {
        super(message, cause);
    }
}
