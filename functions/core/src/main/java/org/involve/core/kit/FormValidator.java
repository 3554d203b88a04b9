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
            if (f.kind() == Field.Kind.CHECKBOXES) {
                String answer = tickedIn(f, posted);
                check(f, answer).ifPresent(m -> errors.add(f.name(), m));
                values.put(f.name(), answer);
                for (Field.Option o : f.options())
                    values.put(o.value(), answer.isEmpty() ? "" : ticked(o, posted) ? "yes" : "no");
                continue;
            }
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

    /** A CHECKBOXES field's answer from the posted boxes: the values ticked, separated by commas. */
    private static String tickedIn(Field f, Map<String, String> posted) {
        return String.join(
                ",",
                f.options().stream()
                        .filter(o -> ticked(o, posted))
                        .map(Field.Option::value)
                        .toList());
    }

    private static boolean ticked(Field.Option o, Map<String, String> posted) {
        return "yes".equals(posted.getOrDefault(o.value(), "").strip());
    }

    public static Optional<String> check(Field f, String value) {
        if (value.isEmpty()) {
            return f.required() ? Optional.of(f.missingMessage()) : Optional.empty();
        }
        if (f.kind() == Field.Kind.CHECKBOXES) return checkboxes(f, value);
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
            case CHECKBOXES -> checkboxes(f, value);
            case TEXT, TEXTAREA -> Optional.empty();
        };
    }

    /** Every value ticked is one of the options, and an exclusive option ("None of these") is ticked alone. */
    private static Optional<String> checkboxes(Field f, String value) {
        List<String> ticked = Field.ticked(value);
        for (String v : ticked)
            if (f.options().stream().noneMatch(o -> o.value().equals(v)))
                return Optional.of(f.missingMessage());
        if (ticked.size() > 1)
            for (Field.Option o : f.options())
                if (o.exclusive() && ticked.contains(o.value()))
                    return Optional.of(
                            Words.of("common")
                                    .format("error.answer.exclusive", "option", o.label()));
        return Optional.empty();
    }

    /** For a NUMBER field, {@code maxLength} is the largest number accepted. */
    private static Optional<String> number(Field f, String value) {
        if (!value.matches("\\d+"))
            return Optional.of(
                    Words.of("common").format("error.answer.wholeNumber", "field", f.shortName()));
        // A whole number of any length is still one: too many digits means too big, not "not a
        // number".
        String digits = value.replaceFirst("^0+(?=\\d)", "");
        return digits.length() <= 9 && Integer.parseInt(digits) <= f.maxLength()
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
