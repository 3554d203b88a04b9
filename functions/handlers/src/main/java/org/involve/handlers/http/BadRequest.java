package org.involve.handlers.http;

/** A request we refuse before it reaches the domain, with the status and the plain words to show. */
public final class BadRequest extends RuntimeException {
    private final int status;
    private final String title;

    public BadRequest(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
