package org.involve.handlers.views;

/**
 * One row of the NHS.UK summary list (components/summaryList.jte). A row whose value is blank is left out; line
 * breaks in the value are shown. {@code changeHref} (or null) adds a "Change" link whose hidden text is {@code changeWhat}.
 */
public record SummaryRow(String key, String value, String changeHref, String changeWhat) {
    public SummaryRow(String key, String value) {
        this(key, value, null, null);
    }

    public boolean shown() {
        return value != null && !value.isBlank();
    }

    public String[] lines() {
        return value.split("\n", -1);
    }
}
