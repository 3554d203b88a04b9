package org.involve.core.kit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every typed answer must meet, each written once. A rule returns the plain-English message
 * to show beside the question, or empty when the answer is fine.
 */
public final class AnswerRules {
    private AnswerRules() {}

    private static final Words WORDS = Words.of("common");

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\u2028\\u2029\\u0085]");
    private static final Pattern EMAIL =
            Pattern.compile(
                    "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern UK_PHONE_DIGITS = Pattern.compile("^0[1-9]\\d{8,9}$");
    private static final Pattern UK_POSTCODE =
            Pattern.compile(
                    "^(GIR ?0AA|[A-PR-UWYZ](\\d{1,2}|[A-HK-Y]\\d{1,2}|\\d[A-HJKPSTUW]|[A-HK-Y]\\d[ABEHMNPRV-Y]) ?\\d[ABD-HJLNP-UW-Z]{2})$");

    /** Markup is refused in every field: answers are read by staff and panels, and must stay plain text. */
    public static Optional<String> noMarkup(Field f, String value) {
        return MARKUP.matcher(value).find()
                ? Optional.of(WORDS.format("error.answer.markup", "field", f.shortName()))
                : Optional.empty();
    }

    /** Line breaks belong only in long answers; elsewhere they could split an e-mail header or a record. */
    public static Optional<String> noLineBreaks(Field f, String value) {
        if (CONTROL.matcher(value).find())
            return Optional.of(WORDS.format("error.answer.control", "field", f.shortName()));
        if (!f.multiline() && LINE_BREAK.matcher(value).find())
            return Optional.of(WORDS.format("error.answer.lineBreak", "field", f.shortName()));
        return Optional.empty();
    }

    public static Optional<String> notTooLong(Field f, String value) {
        return value.length() > f.maxLength()
                ? Optional.of(
                        WORDS.format(
                                "error.answer.tooLong",
                                "field",
                                f.shortName(),
                                "max",
                                f.maxLength(),
                                "used",
                                value.length()))
                : Optional.empty();
    }

    public static Optional<String> email(String value) {
        return value.length() <= 254 && EMAIL.matcher(value).matches()
                ? Optional.empty()
                : Optional.of(WORDS.get("error.answer.email"));
    }

    /** UK numbers are 10 or 11 digits starting 0; +44 or 0044 in front of the rest is the same number. */
    public static Optional<String> phone(String value) {
        return UK_PHONE_DIGITS.matcher(normalisePhone(value)).matches()
                ? Optional.empty()
                : Optional.of(WORDS.get("error.answer.phone"));
    }

    public static Optional<String> postcode(String value) {
        return UK_POSTCODE.matcher(normalisePostcode(value)).matches()
                ? Optional.empty()
                : Optional.of(WORDS.get("error.answer.postcode"));
    }

    public static String normalisePhone(String value) {
        String digits = value.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+44")) digits = "0" + digits.substring(3);
        else if (digits.startsWith("0044")) digits = "0" + digits.substring(4);
        if (digits.startsWith("0(0)")) digits = "0" + digits.substring(4);
        return digits;
    }

    public static String normalisePostcode(String value) {
        String compact = value.replaceAll("\\s", "").toUpperCase(Locale.UK);
        return compact.length() > 3
                ? compact.substring(0, compact.length() - 3)
                        + " "
                        + compact.substring(compact.length() - 3)
                : compact;
    }

    public static String normaliseEmail(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
