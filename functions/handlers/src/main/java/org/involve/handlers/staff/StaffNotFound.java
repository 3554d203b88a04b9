package org.involve.handlers.staff;

/** A staff page about something that does not exist (an unknown role id): answered with the staff 404 page. */
public final class StaffNotFound extends RuntimeException {
    public StaffNotFound(String what) {
        super(what);
    }
}
