package org.involve.core.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The same answers put to every date a form asks for (all read by kit.DateInput), so each behaves the same way: only
 * part given names the parts missing and links to the first of them; an impossible date, a word or a short year is
 * "not a real date" on the day box; spaces around the numbers and leading zeros are fine. Each form's test gives its
 * own words and a date its own rules accept (asked last, so a form that then acts on it may).
 */
public final class DateCases {
    private DateCases() {}

    /** The form's errors by the box or field they link to (none when it accepted the answer) for a posted date. */
    @FunctionalInterface
    public interface Form {
        Map<String, String> errors(String day, String month, String year);
    }

    /**
     * @param name       the date's name (its boxes are name-day, -month and -year)
     * @param incomplete the form's words for a date given without {@code {parts}}, with "{parts}" in it as written
     * @param notReal    the form's words for a date that is not real
     * @param fine       a date the form's own rules accept
     */
    public static void check(
            Form form, String name, String incomplete, String notReal, LocalDate fine) {
        String d = String.valueOf(fine.getDayOfMonth()),
                m = String.valueOf(fine.getMonthValue()),
                y = String.valueOf(fine.getYear());
        Map<List<String>, String> partial =
                Map.of(
                        List.of(d, "", ""), "a month and year",
                        List.of("", m, y), "a day",
                        List.of(d, " ", y), "a month",
                        List.of(d, m, ""), "a year");
        partial.forEach(
                (parts, missing) -> {
                    Map<String, String> e = form.errors(parts.get(0), parts.get(1), parts.get(2));
                    String first =
                            parts.get(0).isBlank()
                                    ? "day"
                                    : parts.get(1).isBlank() ? "month" : "year";
                    assertEquals(
                            Map.of(name + "-" + first, incomplete.replace("{parts}", missing)),
                            dateErrors(e, name),
                            "only part given: " + parts);
                });
        for (List<String> bad :
                List.of(
                        List.of("31", "2", y),
                        List.of("0", m, y),
                        List.of(d, "13", y),
                        List.of("first", m, y),
                        List.of(d, "March", y),
                        List.of(d, m, y.substring(2)),
                        List.of("-" + d, m, y),
                        List.of(d, m, y + "0")))
            assertEquals(
                    Map.of(name + "-day", notReal),
                    dateErrors(form.errors(bad.get(0), bad.get(1), bad.get(2)), name),
                    "not a real date: " + bad);
        Map<String, String> spaced =
                form.errors(" " + d + " ", (m.length() == 1 ? "0" + m : m) + " ", " " + y);
        assertEquals(Map.of(), dateErrors(spaced, name), "spaces and a leading zero are fine");
        assertFalse(spaced.containsKey(name), "no error outside the boxes");
    }

    private static Map<String, String> dateErrors(Map<String, String> errors, String name) {
        Map<String, String> out = new java.util.HashMap<>();
        errors.forEach(
                (k, v) -> {
                    if (k.startsWith(name + "-")) out.put(k, v);
                });
        return out;
    }
}
