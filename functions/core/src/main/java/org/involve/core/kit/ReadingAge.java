package org.involve.core.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How easy a piece of plain text is to read, as a reading age in years: the Flesch-Kincaid grade plus 5 (a US school
 * grade 4 is about age 9, the level GOV.UK and the NHS aim for).
 *
 * <p>Flesch-Kincaid grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59.
 *
 * <p>How the text is counted:
 *
 * <ul>
 *   <li>Sentences end at {@code .}, {@code !}, {@code ?} or {@code :} followed by a space or the end, and at a line
 *       break; a piece of text with no end mark (a heading, a label, a list item) is one sentence.
 *   <li>Words are runs of letters, digits and apostrophes; an e-mail address, a web address or a placeholder
 *       ({@code {name}}) is one word of one syllable, as a reader takes it in at a glance; a number is one syllable.
 *   <li>Syllables are counted by a heuristic (see {@link #syllables(String)}): groups of vowels (a, e, i, o, u, y),
 *       less a silent final "e" or "es"/"ed" ending, never fewer than one. It is right for most common English words
 *       and within one syllable for nearly all others; the grade it gives is within about half a year of a count by
 *       hand on ordinary prose.
 * </ul>
 *
 * <p>The reading age of one short piece (a two-word label) says little; judge a page or a file as a whole and use
 * {@link #sentences()} ranked by {@link Sentence#age()} to find what raises it.
 */
public final class ReadingAge {
    /** The level the public site is written to. */
    public static final double TARGET = 9.0;

    /** A word of this many syllables or more counts as long: the words that raise the reading age most. */
    public static final int LONG_WORD_SYLLABLES = 3;

    /** GOV.UK advice: sentences of up to this many words. */
    public static final int LONG_SENTENCE_WORDS = 20;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+|\\R+");
    private static final Pattern TOKEN =
            Pattern.compile(
                    "\\{[a-zA-Z][a-zA-Z0-9]*}|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|(?:https?://|www\\.)\\S+|[\\p{L}\\p{N}'’]+");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

    private final List<Sentence> sentences;

    private ReadingAge(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    /** One sentence, as counted. */
    public record Sentence(String text, int words, int syllables, List<String> longWords) {
        /** This sentence's own reading age. */
        public double age() {
            return ReadingAge.age(words, 1, syllables);
        }

        public boolean isLong() {
            return words > LONG_SENTENCE_WORDS;
        }
    }

    /** The reading age of {@code text}; blank text has no sentences. */
    public static ReadingAge of(String text) {
        return ofAll(List.of(text == null ? "" : text));
    }

    /** The reading age of several separate pieces of text read together (a page, or a content file). */
    public static ReadingAge ofAll(List<String> texts) {
        List<Sentence> found = new ArrayList<>();
        for (String text : texts)
            for (String piece : SENTENCE_END.split(text.strip())) {
                Sentence s = sentence(piece.strip());
                if (s != null) found.add(s);
            }
        return new ReadingAge(found);
    }

    private static Sentence sentence(String text) {
        Matcher m = TOKEN.matcher(text);
        int words = 0;
        int syllables = 0;
        List<String> longWords = new ArrayList<>();
        while (m.find()) {
            String token = m.group();
            words++;
            int n = syllables(token);
            syllables += n;
            if (n >= LONG_WORD_SYLLABLES) longWords.add(token);
        }
        return words == 0 ? null : new Sentence(text, words, syllables, longWords);
    }

    /**
     * The syllables in one word, by a heuristic: a placeholder, address or number is one; otherwise the word is
     * lower-cased and stripped of an apostrophe ending, a word of three letters or fewer is one, a final "e" (but not
     * "le" after a consonant, as in "table"), "es" or "ed" (but not "ted"/"ded", as in "wanted") is dropped as silent,
     * and the groups of vowels (a, e, i, o, u, y) that remain are counted, at least one.
     */
    public static int syllables(String word) {
        if (word.startsWith("{")
                || word.contains("@")
                || word.contains("/")
                || word.startsWith("www.")) return 1;
        String w = word.toLowerCase(Locale.UK).replaceAll("['’](s|d|ll|ve|re|t|m)?$", "");
        w = w.replaceAll("[^a-z]", "");
        if (w.isEmpty()) return 1;
        if (w.length() <= 3) return 1;
        if (w.endsWith("ed") && !w.endsWith("ted") && !w.endsWith("ded"))
            w = w.substring(0, w.length() - 2);
        else if (w.endsWith("es") && !w.matches(".*(s|c|g|x|z|sh|ch)es"))
            w = w.substring(0, w.length() - 2);
        else if (w.endsWith("e")
                && !w.endsWith("ee")
                && !(w.endsWith("le") && w.length() > 2 && !isVowel(w.charAt(w.length() - 3))))
            w = w.substring(0, w.length() - 1);
        Matcher m = VOWEL_GROUP.matcher(w);
        int count = 0;
        while (m.find()) count++;
        return Math.max(1, count);
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static double age(int words, int sentences, int syllables) {
        if (words == 0 || sentences == 0) return 0;
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59 + 5;
    }

    /** The reading age of the whole text, in years (0 for text with no words). */
    public double age() {
        return age(words(), sentences.size(), syllables());
    }

    public int words() {
        return sentences.stream().mapToInt(Sentence::words).sum();
    }

    public int syllables() {
        return sentences.stream().mapToInt(Sentence::syllables).sum();
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** Whether the whole text is at or under {@link #TARGET}. */
    public boolean withinTarget() {
        return age() <= TARGET;
    }

    /**
     * The {@code count} sentences that raise the reading age most: the hardest first, among sentences of at least
     * {@code minimumWords} words (a two-word heading is no fair measure on its own).
     */
    public List<Sentence> worst(int count, int minimumWords) {
        return sentences.stream()
                .filter(s -> s.words() >= minimumWords)
                .sorted(Comparator.comparingDouble(Sentence::age).reversed())
                .limit(count)
                .toList();
    }

    /** The sentences over {@link #LONG_SENTENCE_WORDS} words. */
    public List<Sentence> longSentences() {
        return sentences.stream().filter(Sentence::isLong).toList();
    }

    /** The long words used, each once, in the order they first appear. */
    public List<String> longWords() {
        return sentences.stream()
                .flatMap(s -> s.longWords().stream())
                .map(w -> w.toLowerCase(Locale.UK))
                .distinct()
                .toList();
    }
}
