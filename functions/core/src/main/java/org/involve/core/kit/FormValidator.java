package org.involve.core.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks posted answers against their fields and returns the cleaned values. Unknown fields are ignored;
 * answers are trimmed, and valid postcodes written the standard way (upper case, one space).
 */
public final class FormValidator {
    private FormValidator() {}

    public record Result(Map<String, String> values, FieldErrors errors) {}

    public static Result validate(List<Field> fields, Map<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        FieldErrors errors = new FieldErrors();
        for (Field f : fields) {
            String raw = posted.getOrDefault(f.name(), "");
            String value = raw.strip();
            Optional<String> problem = check(f, value);
            problem.ifPresent(m -> errors.add(f.name(), m));
            values.put(
                    f.name(),
                    problem.isEmpty() && f.kind() == Field.Kind.POSTCODE
                            ? AnswerRules.normalisePostcode(value)
                            : value);
        }
        return new Result(values, errors);
    }

    public static Optional<String> check(Field f, String value) {
        if (value.isEmpty()) {
            return f.required() ? Optional.of(f.missingMessage()) : Optional.empty();
        }
        Optional<String> general =
                AnswerRules.notTooLong(f, value)
                        .or(() -> AnswerRules.noLineBreaks(f, value))
                        .or(() -> AnswerRules.noMarkup(f, value));
        if (general.isPresent()) return general;
        return switch (f.kind()) {
            case EMAIL -> AnswerRules.email(value);
            case PHONE -> AnswerRules.phone(value);
            case POSTCODE -> AnswerRules.postcode(value);
            case RADIOS, AGREE ->
                    f.options().stream().anyMatch(o -> o.value().equals(value))
                            ? Optional.empty()
                            : Optional.of(f.missingMessage());
            case NUMBER -> number(f, value);
            case TEXT, TEXTAREA -> Optional.empty();
        };
    }

    /** For a NUMBER field, {@code maxLength} is the largest number accepted. */
    private static Optional<String> number(Field f, String value) {
        if (!value.matches("\\d{1,3}"))
            return Optional.of(
                    Words.of("common").format("error.answer.wholeNumber", "field", f.shortName()));
        int n = Integer.parseInt(value);
        return n <= f.maxLength()
                ? Optional.empty()
                : Optional.of(
                        Words.of("common")
                                .format(
                                        "error.answer.tooBig",
                                        "field",
                                        f.shortName(),
                                        "max",
                                        f.maxLength()));
    }
}
