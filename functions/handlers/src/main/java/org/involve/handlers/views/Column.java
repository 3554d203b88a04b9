package org.involve.handlers.views;

/** A column of the NHS.UK table (components/table.jte): its heading, and whether it holds numbers (aligned right). */
public record Column(String heading, boolean numeric) {
    public static Column of(String heading) {
        return new Column(heading, false);
    }

    public static Column numeric(String heading) {
        return new Column(heading, true);
    }
}
