package org.involve.core.kit;

import java.util.List;

/**
 * One question on a form: what it asks, how it is entered, and the rule its answer must meet.
 * Views render from this, and validation checks against it, so a question is defined once.
 */
public record Field(
        String name,
        String label,
        String hint,
        Kind kind,
        boolean required,
        int maxLength,
        List<Option> options,
        String autocomplete,
        String missingMessage) {

    public enum Kind {
        TEXT,
        EMAIL,
        PHONE,
        POSTCODE,
        TEXTAREA,
        RADIOS,
        AGREE,
        NUMBER,
        /**
         * Tick all that apply: each option is its own box, posted under the option's value as "yes"; the field's own
         * answer lists the values ticked, separated by commas. An {@link Option#exclusive() exclusive} option ("None
         * of these") cannot be ticked with the others.
         */
        CHECKBOXES
    }

    /**
     * One choice of a radios or checkboxes question; the hint, when there is one, is shown under its label.
     * {@code exclusive}: a checkbox ("None of these") that cannot be ticked with the others.
     */
    public record Option(String value, String label, String hint, boolean exclusive) {
        public Option(String value, String label, String hint) {
            this(value, label, hint, false);
        }

        public Option(String value, String label) {
            this(value, label, null);
        }
    }

    public Field {
        options = List.copyOf(options == null ? List.of() : options);
    }

    public static Field text(
            String name,
            String label,
            String hint,
            boolean required,
            int maxLength,
            String autocomplete,
            String missing) {
        return new Field(
                name,
                label,
                hint,
                Kind.TEXT,
                required,
                maxLength,
                List.of(),
                autocomplete,
                missing);
    }

    public static Field textarea(
            String name,
            String label,
            String hint,
            boolean required,
            int maxLength,
            String missing) {
        return new Field(
                name, label, hint, Kind.TEXTAREA, required, maxLength, List.of(), null, missing);
    }

    public static Field radios(
            String name, String label, String hint, List<Option> options, String missing) {
        return new Field(name, label, hint, Kind.RADIOS, true, 40, options, null, missing);
    }

    public static Field yesNo(String name, String label, String hint, String missing) {
        return radios(
                name,
                label,
                hint,
                List.of(
                        new Option("yes", Words.of("common").get("field.yesNo.yes")),
                        new Option("no", Words.of("common").get("field.yesNo.no"))),
                missing);
    }

    public static Field agree(String name, String label, String hint, String missing) {
        return new Field(
                name,
                label,
                hint,
                Kind.AGREE,
                true,
                3,
                List.of(new Option("yes", label)),
                null,
                missing);
    }

    /** A tick-all-that-apply question; {@code maxLength} is unused (the answer is made from the options). */
    public static Field checkboxes(
            String name, String label, String hint, List<Option> options, String missing) {
        return new Field(name, label, hint, Kind.CHECKBOXES, true, 0, options, null, missing);
    }

    /** The values of a CHECKBOXES answer ("a,b"), in the order given. */
    public static List<String> ticked(String answer) {
        return answer == null || answer.isBlank() ? List.of() : List.of(answer.split(","));
    }

    public boolean multiline() {
        return kind == Kind.TEXTAREA;
    }

    public String labelFor(String value) {
        if (kind == Kind.CHECKBOXES)
            return String.join("; ", ticked(value).stream().map(v -> labelOf(v)).toList());
        return labelOf(value);
    }

    private String labelOf(String value) {
        return options.stream()
                .filter(o -> o.value().equals(value))
                .map(Option::label)
                .findFirst()
                .orElse(value);
    }

    /** The label without a closing note in brackets, such as "(optional)" or "(desirable)". */
    public String labelWithoutNote() {
        return label.replaceFirst("\\s*\\([^()]*\\)$", "").strip();
    }

    /**
     * A label longer than this many words is a sentence (a criterion, "Tell us about...", a declaration), too long to
     * start an error message with.
     */
    static final int SHORT_NAME_MOST_WORDS = 5;

    /**
     * The name an error message starts with, in the NHS.UK style: the label without a closing note in brackets such
     * as "(optional)" or "(desirable)" ("Address line 2"), or "Your answer" for a question or a label too long to
     * repeat.
     */
    public String shortName() {
        String name = labelWithoutNote();
        boolean sentence = name.endsWith("?") || name.split("\\s+").length > SHORT_NAME_MOST_WORDS;
        return sentence || name.isEmpty()
                ? Words.of("common").get("error.answer.yourAnswer")
                : name;
    }
}
