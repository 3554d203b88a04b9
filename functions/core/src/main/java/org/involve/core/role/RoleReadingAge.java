package org.involve.core.role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.involve.core.kit.ReadingAge;
import org.involve.core.kit.Words;

/**
 * How easy the words staff type for a role are to read (issue 14, item 4), shown on the role form as they write: the
 * reading age ({@link ReadingAge}) of everything the role page shows the public from the form, with what raises it:
 * sentences over 20 words, the longest words, and terms that need explaining at first use (the list is in
 * content/roles, {@code readingAge.termList}).
 */
public record RoleReadingAge(
        double age,
        int words,
        List<String> longSentences,
        List<String> longWords,
        List<String> termsToExplain) {
    /** The form's questions whose words the public read on the role page. */
    public static final List<String> FIELDS =
            List.of(
                    RoleForm.TITLE,
                    RoleForm.SUMMARY,
                    RoleForm.DOES,
                    RoleForm.LOOKING_FOR,
                    RoleForm.CRITERIA,
                    RoleForm.PLACES_NOTE,
                    RoleForm.PRIORITY_COMMUNITIES,
                    RoleForm.MEETINGS,
                    RoleForm.TIME_ASKED);

    /** The form button that asks for the reading age without saving. */
    public static final String CHECK = "checkReadingAge";

    /** At most this many long sentences and long words are listed, the hardest first. */
    public static final int LISTED = 10;

    public RoleReadingAge {
        longSentences = List.copyOf(longSentences);
        longWords = List.copyOf(longWords);
        termsToExplain = List.copyOf(termsToExplain);
    }

    /** The reading age of a role form's values (as posted, or as {@link RoleForm#valuesOf(Role)} gives them). */
    public static RoleReadingAge of(Map<String, String> values) {
        List<String> texts = new ArrayList<>();
        for (String field : FIELDS) {
            String value = values.getOrDefault(field, "");
            // A criterion's "E:" or "D:" is a marker for the form, not words a reader meets.
            if (field.equals(RoleForm.CRITERIA))
                value = value.replaceAll("(?m)^\\s*[EeDd]:\\s*", "");
            if (!value.isBlank()) texts.add(value);
        }
        ReadingAge r = ReadingAge.ofAll(texts);
        List<String> longSentences =
                r.longSentences().stream()
                        .sorted(Comparator.comparingInt(ReadingAge.Sentence::words).reversed())
                        .limit(LISTED)
                        .map(ReadingAge.Sentence::text)
                        .toList();
        Map<String, Integer> syllables = new LinkedHashMap<>();
        for (String w : r.longWords()) syllables.put(w, ReadingAge.syllables(w));
        List<String> longWords =
                syllables.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(LISTED)
                        .map(Map.Entry::getKey)
                        .toList();
        String all = String.join("\n", texts).toLowerCase(Locale.UK);
        List<String> terms =
                Arrays.stream(Words.of("roles").get("readingAge.termList").split(";"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty() && all.contains(t.toLowerCase(Locale.UK)))
                        .toList();
        return new RoleReadingAge(r.age(), r.words(), longSentences, longWords, terms);
    }

    /** The reading age in whole years, as shown. */
    public long shown() {
        return Math.round(age);
    }

    public boolean withinTarget() {
        return age <= ReadingAge.TARGET;
    }

    public boolean isEmpty() {
        return words == 0;
    }
}
