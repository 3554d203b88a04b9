package org.involve.handlers.views;

/** A link in the header's navigation or the footer; {@code current} marks the area the page belongs to. */
public record Link(String label, String href, boolean current) {
    public Link(String label, String href) {
        this(label, href, false);
    }
}
