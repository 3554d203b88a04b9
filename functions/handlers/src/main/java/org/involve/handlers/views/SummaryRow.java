package org.involve.handlers.views;

/**
 * One row of the NHS.UK summary list (components/summaryList.jte). A row whose value is blank is left out; line
 * breaks in the value are shown. {@code changeHref} (or null) adds a "Change" link whose hidden text is {@code changeWhat}.
 */
public record SummaryRow(String key, String value, String changeHref, String changeWhat) {
    public SummaryRow(String key, String value) {
        this(key, value, null, null);
    }

    /**
     * A question's label as the hidden end of "Change ...": its first letter lower case, unless the first word is an
     * abbreviation or the pronoun I, which are never lower-cased ("Full name" gives "full name", "UK phone number"
     * and "I have read..." stay as they are).
     */
    public static String inSentence(String label) {
        if (label == null || label.isEmpty()) return label;
        String first = label.split("\\s+", 2)[0];
        boolean keep =
                first.equals("I") || (label.length() > 1 && Character.isUpperCase(label.charAt(1)));
        return keep ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    public boolean shown() {
        return value != null && !value.isBlank();
    }

    public String[] lines() {
        return value.split("\n", -1);
    }
}
