package org.involve.core.kit;

import java.util.Arrays;
import java.util.List;

/**
 * A form's questions with their words from an area's content file, so a content designer changes a question
 * without Java: {@code field.NAME.label}, {@code field.NAME.hint} (optional), {@code field.NAME.error.missing}
 * (what to say when it is not answered) and {@code field.NAME.option.VALUE} for each answer to choose from.
 * The form keeps what is not wording: the field's name, kind, length and whether it must be answered.
 */
public final class Questions {
    private final Words words;

    private Questions(Words words) {
        this.words = words;
    }

    public static Questions of(String area) {
        return new Questions(Words.of(area));
    }

    public Words words() {
        return words;
    }

    public String label(String name, Object... namesAndValues) {
        return words.format("field." + name + ".label", namesAndValues);
    }

    /** The hint under the label, or null when the content file gives none. */
    public String hint(String name, Object... namesAndValues) {
        return words.has("field." + name + ".hint")
                ? words.format("field." + name + ".hint", namesAndValues)
                : null;
    }

    /** What to say when the question is not answered; empty for a question that need not be. */
    public String missing(String name, Object... namesAndValues) {
        return words.has("field." + name + ".error.missing")
                ? words.format("field." + name + ".error.missing", namesAndValues)
                : "";
    }

    /** Another error of the question: {@code field.NAME.error.WHAT}. */
    public String error(String name, String what, Object... namesAndValues) {
        return words.format("field." + name + ".error." + what, namesAndValues);
    }

    public List<Field.Option> options(String name, String... values) {
        return Arrays.stream(values)
                .map(v -> new Field.Option(v, words.get("field." + name + ".option." + v)))
                .toList();
    }

    public Field text(String name, boolean required, int maxLength, String autocomplete) {
        return Field.text(
                name, label(name), hint(name), required, maxLength, autocomplete, missing(name));
    }

    public Field textarea(String name, boolean required, int maxLength) {
        return Field.textarea(name, label(name), hint(name), required, maxLength, missing(name));
    }

    public Field typed(
            String name, Field.Kind kind, boolean required, int maxLength, String autocomplete) {
        return new Field(
                name,
                label(name),
                hint(name),
                kind,
                required,
                maxLength,
                List.of(),
                autocomplete,
                missing(name));
    }

    public Field radios(String name, String... values) {
        return Field.radios(name, label(name), hint(name), options(name, values), missing(name));
    }

    public Field yesNo(String name) {
        return Field.yesNo(name, label(name), hint(name), missing(name));
    }

    public Field agree(String name) {
        return Field.agree(name, label(name), hint(name), missing(name));
    }
}
