package org.involve.handlers.views;

/**
 * A column of the NHS.UK table (components/table.jte): its heading, whether it holds numbers (aligned right), and
 * whether its heading is heard only by screen readers (such as "Action" over a column of links).
 */
public record Column(String heading, boolean numeric, boolean hidden) {
    public Column(String heading, boolean numeric) {
        this(heading, numeric, false);
    }

    public static Column of(String heading) {
        return new Column(heading, false);
    }

    public static Column numeric(String heading) {
        return new Column(heading, true);
    }

    public static Column hidden(String heading) {
        return new Column(heading, false, true);
    }
}
