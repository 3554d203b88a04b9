package org.involve.core.kit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An answer to the NHS.UK date input: three boxes, {@code name-day}, {@code name-month} and {@code name-year}. It is
 * left empty, only partly given, not a real date, or a date. When only part is given, the error says which parts are
 * missing ("... must include a month and year"), links to the first of them and only those boxes are marked; any
 * other error marks all three. Every date a form asks for is read here (spaces around a box are ignored; a day and
 * month are one or two digits, a year four), so each behaves the same way; the form adds its own rules (in the past,
 * in the interview week...) with {@link #reject}, in its own words.
 *
 * @param name the date's name: its boxes are this name with -day, -month and -year
 */
public record DateInput(String name, String day, String month, String year) {
    public static final List<String> PARTS = List.of("day", "month", "year");
    private static final Words WORDS = Words.of("common");

    public DateInput {
        day = day == null ? "" : day.strip();
        month = month == null ? "" : month.strip();
        year = year == null ? "" : year.strip();
    }

    /** The date input {@code name} as posted (or as shown again). */
    public static DateInput of(Map<String, String> values, String name) {
        return new DateInput(
                name,
                values.get(name + "-day"),
                values.get(name + "-month"),
                values.get(name + "-year"));
    }

    /** The boxes of the date input {@code name} filled in with {@code date}, to show a date on record in a form. */
    public static Map<String, String> values(String name, LocalDate date) {
        return Map.of(
                name + "-day",
                String.valueOf(date.getDayOfMonth()),
                name + "-month",
                String.valueOf(date.getMonthValue()),
                name + "-year",
                String.valueOf(date.getYear()));
    }

    /** The ids of the date's boxes, day, month and year: what its error may link to. */
    public static List<String> boxes(String name) {
        return PARTS.stream().map(p -> name + "-" + p).toList();
    }

    /** Nothing typed in any box. */
    public boolean empty() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The boxes left empty while another was filled in (day, month, year order); none when empty or all filled in. */
    public List<String> missing() {
        if (empty()) return List.of();
        return PARTS.stream().filter(p -> value(p).isEmpty()).toList();
    }

    /** The date, or null when it is empty, only partly given or not a real date. */
    public LocalDate date() {
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}"))
            return null;
        try {
            return LocalDate.of(
                    Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException notARealDate) {
            return null;
        }
    }

    /**
     * An optional date: the date, or null with the error added when only part of it is given or it is not a real date.
     * The messages are {@code prefix.incomplete} (with {@code {parts}}: "a month and year") and {@code prefix.notReal},
     * from {@code words}, with any other placeholders filled from {@code namesAndValues} (as {@link Words#format}). An
     * empty answer is null with no error.
     */
    public LocalDate read(
            FieldErrors errors, Words words, String prefix, Object... namesAndValues) {
        if (empty()) return null;
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            errors.add(
                    anchor(),
                    words.format(
                            prefix + ".incomplete",
                            with(
                                    namesAndValues,
                                    "parts",
                                    WORDS.get(
                                            "component.dateInput.missing."
                                                    + String.join(".", missing)))));
            return null;
        }
        LocalDate date = date();
        if (date == null) errors.add(anchor(), words.format(prefix + ".notReal", namesAndValues));
        return date;
    }

    /**
     * A date the form needs: as {@link #read}, and an empty answer is null with {@code prefix.missing} on the day box.
     */
    public LocalDate required(
            FieldErrors errors, Words words, String prefix, Object... namesAndValues) {
        if (empty()) errors.add(anchor(), words.format(prefix + ".missing", namesAndValues));
        return read(errors, words, prefix, namesAndValues);
    }

    /**
     * Adds {@code message} as this date's error: for a real date that breaks the form's own rule (in the past, outside
     * the interview week...), so it links to the day box and marks all three, as any error but a partial date does.
     */
    public void reject(FieldErrors errors, String message) {
        errors.add(anchor(), message);
    }

    private static Object[] with(Object[] namesAndValues, String name, Object value) {
        Object[] out = java.util.Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
        out[namesAndValues.length] = name;
        out[namesAndValues.length + 1] = value;
        return out;
    }

    /** The box an error links to: the first one left empty, otherwise the day. */
    public String anchor() {
        List<String> missing = missing();
        return name + "-" + (missing.isEmpty() ? "day" : missing.get(0));
    }

    /** This date has an error among {@code errors}, whichever box it links to. */
    public boolean hasError(FieldErrors errors) {
        return error(errors) != null;
    }

    /** The error about this date among {@code errors}, whichever box it links to; null when there is none. */
    public String error(FieldErrors errors) {
        if (errors == null) return null;
        for (String box : boxes(name)) {
            String message = errors.asMap().get(box);
            if (message != null) return message;
        }
        return null;
    }

    /** The boxes to mark when the date has an error: the ones left empty, or all three. */
    public List<String> partsInError() {
        List<String> missing = missing();
        return missing.isEmpty() ? PARTS : missing;
    }

    private String value(String part) {
        return switch (part) {
            case "day" -> day;
            case "month" -> month;
            default -> year;
        };
    }
}
