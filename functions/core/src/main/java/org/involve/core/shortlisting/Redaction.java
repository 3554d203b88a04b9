package org.involve.core.shortlisting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Referee;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.Words;

/**
 * Takes out of what an applicant wrote anything that could identify someone, before the panel reads
 * it: any e-mail address, phone number, postcode, web address or social media handle, whoever it
 * belongs to (an applicant may sign an answer, "Jo, 07700 900982", or name a friend's group page),
 * and the applicant's own name, address and reference and their referees' names. Each goes to a
 * marker that says what was there ("[phone number removed]"), worded in shortlisting.properties.
 *
 * <p>Name parts are matched as written in the name field, capitalised or in capitals, as whole
 * words: a person called Will keeps the word "will" in their answers. What is deliberately left:
 * dates (12/03/2024, 01-02-2023), times (10:30, 3pm), money, percentages, year ranges, short
 * numbers (NHS 111), "meet @ 3pm", ordinals after a code ("Q3 2nd half") and a capitalised
 * technology name such as ASP.NET.
 */
final class Redaction {
    /** What was taken out; each has a marker in shortlisting.properties, paper.removed.<kind>. */
    enum Kind {
        NAME("name"),
        EMAIL("email"),
        PHONE("phone"),
        POSTCODE("postcode"),
        WEB_ADDRESS("webAddress"),
        HANDLE("handle"),
        ADDRESS("address"),
        REFERENCE("reference");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        String marker() {
            return WORDS.get("paper.removed." + key);
        }

        /**
         * Stands in for the marker until every pattern has run, so that no later pattern (a name
         * such as "Phone") can match inside an earlier marker. Private-use characters are neither
         * letters nor digits, so they end words as the marker's brackets will.
         */
        private String placeholder() {
            return "\uE000" + (char) ('\uE100' + ordinal()) + "\uE001";
        }
    }

    private static final Words WORDS = Words.of("shortlisting");
    private static final Pattern PLACEHOLDER = Pattern.compile("\uE000([\uE100-\uE1FF])\uE001");
    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])",
            NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    /** Top-level domains people write without www or https: lower case, so ASP.NET stays. */
    private static final String TLD =
            "(?:com|org|net|uk|co|io|info|gov|nhs|ac|edu|me|biz|eu|ie|scot|wales|cymru|london"
                    + "|online|site|app|dev|tv|ly|social|blog)";

    /** Parts of an e-mail address spelt out in words: "jo dot bloggs at example dot com". */
    private static final String LABEL = "[\\p{L}\\p{N}_%+-]+",
            SPELT_DOT = "(?:\\s+dot\\s+|\\s*[(\\[]dot[)\\]]\\s*)",
            DOT = "(?:" + SPELT_DOT + "|\\.)",
            DOMAIN = LABEL + "(?:" + DOT + LABEL + ")*";

    /** A URL's path, less the full stop or bracket that ends the sentence around it. */
    private static final String URL_REST = "(?:[^\\s<>\"]*[^\\s<>\".,;:!?)'\\]])?";

    /** In the order they run: e-mail before web address and handle, each before names. */
    private static final List<Rule> ANYONES =
            List.of(
                    // A Mastodon-style handle, @jo@mastodon.social, before it is read as an e-mail.
                    new Rule(
                            Kind.HANDLE,
                            Pattern.compile(
                                    "(?<![\\p{L}\\p{N}_.@/])@[\\p{L}\\p{N}_.]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+")),
                    new Rule(
                            Kind.EMAIL,
                            Pattern.compile(
                                    "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+")),
                    // "jo dot bloggs at example dot com", "jo(at)example.com", written to get past
                    // filters; only when it ends in a known domain, so "met her at the hospital"
                    // stays. After a plain "at" the last dot must be spelt out: "I volunteer at
                    // example.org" is a web address, not an e-mail address.
                    new Rule(
                            Kind.EMAIL,
                            Pattern.compile(
                                    NOT_WORD_BEFORE
                                            + LABEL
                                            + "(?:"
                                            + DOT
                                            + LABEL
                                            + ")*(?:\\s+at\\s+"
                                            + DOMAIN
                                            + SPELT_DOT
                                            + "|\\s*[(\\[]at[)\\]]\\s*"
                                            + DOMAIN
                                            + DOT
                                            + ")"
                                            + TLD
                                            + NOT_WORD_AFTER,
                                    Pattern.CASE_INSENSITIVE)),
                    new Rule(
                            Kind.WEB_ADDRESS,
                            Pattern.compile(
                                    "(?i:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)'\\]]")),
                    // example.org/page, example.co.uk: a bare domain, known by its ending.
                    new Rule(
                            Kind.WEB_ADDRESS,
                            Pattern.compile(
                                    "(?<![\\p{L}\\p{N}@._-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+"
                                            + TLD
                                            + "(?![\\p{L}\\p{N}-])(?:/"
                                            + URL_REST
                                            + ")?")),
                    // @jo_bloggs, @jo.bloggs; not "meet @ 3pm" or "@3pm": a handle starts with a
                    // letter.
                    new Rule(
                            Kind.HANDLE,
                            Pattern.compile(
                                    "(?<![\\p{L}\\p{N}_.@/])@[\\p{L}_][\\p{L}\\p{N}_]*(?:\\.[\\p{L}\\p{N}_]+)*")),
                    // A UK number of 10 or 11 digits, spaced, hyphenated or bracketed as people
                    // write them. Full stops and slashes are not separators, so dates stay; nor
                    // are more than two separators together ("01-02-2023 - 05"). An opening bracket
                    // belongs to the number only around its area code, as in (020) 7946 0018.
                    new Rule(
                            Kind.PHONE,
                            Pattern.compile(
                                    "(?<![\\p{L}\\p{N}+])(?:(?:\\+[ \\t]*44|0044)[ \\t-]*(?:\\(0\\)[ \\t-]*)?|\\((?=0\\d{2,4}\\))0|0)"
                                            + "[1-9](?:[ \\t()-]{0,2}\\d){8,9}(?!\\p{N})")),
                    // SW1A 1AA, m1 1ae, EC1A1BB. The inward code's letters are never C, I, K, M,
                    // O or V, which keeps "A1 5km" and "M25 4am"; an ordinal ("Q3 2nd") is not one.
                    new Rule(
                            Kind.POSTCODE,
                            Pattern.compile(
                                    NOT_WORD_BEFORE
                                            + "(?i:[A-Z]{1,2}[0-9][A-Z0-9]?)[ \\t]*"
                                            + "(?!\\d(?:st|nd|rd|th)"
                                            + NOT_WORD_AFTER
                                            + ")[0-9](?i:[ABD-HJLNP-UW-Z]{2})"
                                            + NOT_WORD_AFTER)));

    private record Rule(Kind kind, Pattern pattern) {}

    private final List<Rule> theirs = new ArrayList<>(), names = new ArrayList<>();

    Redaction(Application app) {
        List<Referee> referees = Referee.all(app.answers());
        // The applicant's and referees' own details however they write them, which the patterns
        // for anyone's might miss (an unusual format, an address with no postcode).
        literal(Kind.EMAIL, app.answer(ApplicationForm.EMAIL), 3);
        referees.forEach(r -> literal(Kind.EMAIL, r.email(), 3));
        literal(Kind.ADDRESS, app.answer(ApplicationForm.ADDRESS_LINE_1), 4);
        literal(Kind.ADDRESS, app.answer("addressLine2"), 4);
        literal(Kind.REFERENCE, app.reference(), 4);
        String postcode = AnswerRules.normalisePostcode(app.answer(ApplicationForm.POSTCODE));
        if (postcode.length() >= 5)
            theirs.add(
                    new Rule(
                            Kind.POSTCODE,
                            whole(
                                    Pattern.quote(postcode).replace(" ", "\\E\\s*\\Q"),
                                    Pattern.CASE_INSENSITIVE)));
        phone(app.answer(ApplicationForm.PHONE));
        referees.forEach(r -> phone(r.phone()));
        // Names after every contact detail, so an e-mail address made of one goes whole rather
        // than leaving "[name removed]@example.org". Referees are named too: an applicant may
        // mention who will vouch for them.
        name(app.answer(ApplicationForm.FULL_NAME));
        referees.forEach(r -> name(r.name()));
    }

    String apply(String text) {
        if (text == null || text.isEmpty()) return "";
        String out = text;
        for (List<Rule> rules : List.of(theirs, ANYONES, names))
            for (Rule r : rules) out = r.pattern().matcher(out).replaceAll(r.kind().placeholder());
        Matcher m = PLACEHOLDER.matcher(out);
        return m.replaceAll(
                found ->
                        Matcher.quoteReplacement(
                                Kind.values()[found.group(1).charAt(0) - '\uE100'].marker()));
    }

    private void phone(String value) {
        String phone = AnswerRules.normalisePhone(value);
        if (phone.matches("0\\d{9,10}")) {
            // The same number however it is written: 07700 900982, 07700-900-982, +44 (0)7700
            // 900982.
            String digits = String.join("[\\s().-]*", phone.substring(1).split(""));
            theirs.add(
                    new Rule(
                            Kind.PHONE,
                            Pattern.compile(
                                    "(?<!\\d)(?:\\+\\s*44\\s*(?:\\(0\\)\\s*)?|0044\\s*|0)[\\s().-]*"
                                            + digits
                                            + "(?!\\d)")));
        }
    }

    private void name(String value) {
        String name = value.strip().replaceAll("\\s+", " ");
        if (name.length() >= 2)
            names.add(
                    new Rule(
                            Kind.NAME,
                            whole(
                                    Pattern.quote(name).replace(" ", "\\E\\s+\\Q"),
                                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        for (String part : nameParts(name))
            names.add(new Rule(Kind.NAME, whole(Pattern.quote(part), 0)));
    }

    private void literal(Kind kind, String value, int minimumLength) {
        if (value != null && value.strip().length() >= minimumLength)
            theirs.add(
                    new Rule(
                            kind,
                            Pattern.compile(
                                    Pattern.quote(value.strip()),
                                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
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
