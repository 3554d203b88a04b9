package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NHS.UK date input: an error says which parts are missing, links to the first and marks only those boxes. */
class DateInputTest {
    private static final Words PARTNERS = Words.of("partners");
    private static final String PREFIX = "field.returnDate.error";

    private static DateInput posted(String day, String month, String year) {
        return DateInput.of(
                Map.of("returnDate-day", day, "returnDate-month", month, "returnDate-year", year),
                "returnDate");
    }

    @Test
    void aDateWithOnlyTheDaySaysTheMonthAndYearAreMissingAndLinksToTheMonth() {
        FieldErrors errors = new FieldErrors();
        DateInput onlyDay = posted("12", "", "");
        assertNull(onlyDay.read(errors, PARTNERS, PREFIX));
        assertEquals(
                Map.of("returnDate-month", "The date you come back must include a month and year"),
                errors.asMap());
        assertEquals(List.of("month", "year"), onlyDay.partsInError());
        assertEquals("The date you come back must include a month and year", onlyDay.error(errors));
    }

    @Test
    void eachPartLeftEmptyIsNamedInOrder() {
        Map<List<String>, String> cases =
                Map.of(
                        List.of("", "3", "2027"), "a day",
                        List.of("1", "", "2027"), "a month",
                        List.of("1", "3", ""), "a year",
                        List.of("", "", "2027"), "a day and month",
                        List.of("", "3", ""), "a day and year",
                        List.of(" 1 ", " ", ""), "a month and year");
        cases.forEach(
                (parts, missing) -> {
                    FieldErrors errors = new FieldErrors();
                    DateInput d = posted(parts.get(0), parts.get(1), parts.get(2));
                    assertNull(d.read(errors, PARTNERS, PREFIX), parts.toString());
                    assertEquals(
                            "The date you come back must include " + missing,
                            d.error(errors),
                            parts.toString());
                    assertEquals(
                            "returnDate-" + d.missing().get(0),
                            errors.asMap().keySet().iterator().next(),
                            "the summary links to the first box left empty");
                    assertEquals(d.missing(), d.partsInError());
                });
    }

    @Test
    void anEmptyDateIsNoAnswerAndNoError() {
        FieldErrors errors = new FieldErrors();
        assertNull(posted("", " ", "").read(errors, PARTNERS, PREFIX));
        assertTrue(errors.isEmpty());
        assertNull(DateInput.of(Map.of(), "returnDate").read(errors, PARTNERS, PREFIX));
        assertTrue(errors.isEmpty());
    }

    @Test
    void aDateThatIsNotRealSaysSoOnTheDayAndMarksEveryBox() {
        for (DateInput d :
                List.of(
                        posted("31", "2", "2027"),
                        posted("1", "13", "2027"),
                        posted("a", "3", "27"))) {
            FieldErrors errors = new FieldErrors();
            assertNull(d.read(errors, PARTNERS, PREFIX));
            assertEquals(
                    Map.of(
                            "returnDate-day",
                            "The date you come back must be a real date, for example 1 3 2027"),
                    errors.asMap());
            assertEquals(DateInput.PARTS, d.partsInError());
        }
    }

    @Test
    void aRealDateIsRead() {
        FieldErrors errors = new FieldErrors();
        assertEquals(
                LocalDate.of(2027, 3, 1),
                posted(" 1", "03", "2027 ").read(errors, PARTNERS, PREFIX));
        assertTrue(errors.isEmpty());
        assertNull(posted("1", "3", "2027").error(errors));
    }

    @Test
    void aDateTheFormNeedsSaysSoWhenEmptyOnTheDayBox() {
        Words interviews = Words.of("interviews");
        FieldErrors errors = new FieldErrors();
        DateInput empty = DateInput.of(Map.of("date-day", " "), "date");
        assertNull(empty.required(errors, interviews, "error.slot.date", "example", "16 12 2024"));
        assertEquals(Map.of("date-day", "Enter the date of the interview"), errors.asMap());
        assertEquals(DateInput.PARTS, empty.partsInError());
    }

    @Test
    void theFormsOwnPlaceholdersAreFilledInEveryMessage() {
        Words interviews = Words.of("interviews");
        FieldErrors notReal = new FieldErrors();
        DateInput.of(Map.of("date-day", "30", "date-month", "2", "date-year", "2024"), "date")
                .required(notReal, interviews, "error.slot.date", "example", "16 12 2024");
        assertEquals(
                "The date of the interview must be a real date, like 16 12 2024",
                notReal.asMap().get("date-day"));
        FieldErrors partial = new FieldErrors();
        DateInput.of(Map.of("date-year", "2024"), "date")
                .required(partial, interviews, "error.slot.date", "example", "16 12 2024");
        assertEquals(
                Map.of("date-day", "The date of the interview must include a day and month"),
                partial.asMap());
    }

    @Test
    void aRealDateThatBreaksTheFormsRuleIsOnTheDayAndMarksEveryBox() {
        FieldErrors errors = new FieldErrors();
        DateInput d = posted("1", "3", "2020");
        assertEquals(LocalDate.of(2020, 3, 1), d.read(errors, PARTNERS, PREFIX));
        d.reject(errors, "The date you come back must be after today");
        assertEquals(
                Map.of("returnDate-day", "The date you come back must be after today"),
                errors.asMap());
        assertTrue(d.hasError(errors));
        assertEquals(DateInput.PARTS, d.partsInError());
    }

    @Test
    void aDateOnRecordFillsTheBoxesAsTheyAreRead() {
        Map<String, String> values = DateInput.values("start", LocalDate.of(2026, 1, 6));
        assertEquals(Map.of("start-day", "6", "start-month", "1", "start-year", "2026"), values);
        assertEquals(LocalDate.of(2026, 1, 6), DateInput.of(values, "start").date());
        assertEquals(List.of("start-day", "start-month", "start-year"), DateInput.boxes("start"));
    }
}
