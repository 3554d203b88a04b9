package org.involve.core.shortlisting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Referee;
import org.involve.core.kit.AnswerRules;

/**
 * Removes the applicant's own name, e-mail, phone, address and reference, and their referees' names, e-mails and phones, from what they wrote, for when
 * someone signs an answer ("Jo, 07700 900982"). Name parts are matched as written in the name field,
 * capitalised or in capitals, as whole words: a person called Will keeps the word "will" in their answers.
 */
final class Redaction {
    static final String MARK = "[removed]";
    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])",
            NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    private final List<Pattern> patterns = new ArrayList<>();

    Redaction(Application app) {
        List<Referee> referees = Referee.all(app.answers());
        literal(app.answer(ApplicationForm.EMAIL), 3);
        referees.forEach(r -> literal(r.email(), 3));
        literal(app.answer(ApplicationForm.ADDRESS_LINE_1), 4);
        literal(app.answer("addressLine2"), 4);
        literal(app.reference(), 4);
        literal(app.monitoringToken(), 4);
        String postcode = AnswerRules.normalisePostcode(app.answer(ApplicationForm.POSTCODE));
        if (postcode.length() >= 5)
            patterns.add(
                    whole(
                            Pattern.quote(postcode).replace(" ", "\\E\\s*\\Q"),
                            Pattern.CASE_INSENSITIVE));
        phone(app.answer(ApplicationForm.PHONE));
        referees.forEach(r -> phone(r.phone()));
        // Names last, so an e-mail address made of one goes whole rather than leaving
        // "[removed]@example.org".
        // Referees are named too: an applicant may mention who will vouch for them.
        name(app.answer(ApplicationForm.FULL_NAME));
        referees.forEach(r -> name(r.name()));
    }

    private void phone(String value) {
        String phone = AnswerRules.normalisePhone(value);
        if (phone.matches("0\\d{9,10}")) {
            // The same number however it is written: 07700 900982, 07700-900-982, +44 (0)7700
            // 900982.
            String digits = String.join("[\\s().-]*", phone.substring(1).split(""));
            patterns.add(
                    Pattern.compile(
                            "(?<!\\d)(?:\\+\\s*44\\s*(?:\\(0\\)\\s*)?|0044\\s*|0)[\\s().-]*"
                                    + digits
                                    + "(?!\\d)"));
        }
    }

    private void name(String value) {
        String name = value.strip().replaceAll("\\s+", " ");
        if (name.length() >= 2)
            patterns.add(
                    whole(
                            Pattern.quote(name).replace(" ", "\\E\\s+\\Q"),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        for (String part : nameParts(name)) patterns.add(whole(Pattern.quote(part), 0));
    }

    String apply(String text) {
        if (text == null || text.isEmpty()) return "";
        String out = text;
        for (Pattern p : patterns) out = p.matcher(out).replaceAll(MARK);
        return out;
    }

    private void literal(String value, int minimumLength) {
        if (value != null && value.strip().length() >= minimumLength)
            patterns.add(
                    Pattern.compile(
                            Pattern.quote(value.strip()),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static Pattern whole(String regex, int flags) {
        return Pattern.compile(NOT_WORD_BEFORE + regex + NOT_WORD_AFTER, flags);
    }

    private static Set<String> nameParts(String name) {
        Set<String> parts = new LinkedHashSet<>();
        for (String word : name.split(" ")) {
            addForms(parts, word);
            for (String piece : word.split("-")) addForms(parts, piece);
        }
        return parts;
    }

    private static void addForms(Set<String> parts, String piece) {
        String p = piece.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (p.length() < 2) return;
        parts.add(p);
        parts.add(p.substring(0, 1).toUpperCase(Locale.UK) + p.substring(1));
        parts.add(p.toUpperCase(Locale.UK));
    }
}
