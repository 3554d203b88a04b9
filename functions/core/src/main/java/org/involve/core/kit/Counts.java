package org.involve.core.kit;

/** Numbers of years, months, days and times written as people say them ("1 year", "twice", "first"), from content/common (count.*). */
public final class Counts {
    private static final Words WORDS = Words.of("common");

    private Counts() {}

    /** "1 year", "4 years". */
    public static String years(int n) {
        return n == 1 ? WORDS.get("count.years.one") : WORDS.format("count.years.many", "count", n);
    }

    /** "1 month", "18 months". */
    public static String months(int n) {
        return n == 1
                ? WORDS.get("count.months.one")
                : WORDS.format("count.months.many", "count", n);
    }

    /** "1 day", "14 days". */
    public static String days(int n) {
        return n == 1 ? WORDS.get("count.days.one") : WORDS.format("count.days.many", "count", n);
    }

    /** "first", "second" ... "tenth", then "number 11". */
    public static String ordinal(int n) {
        return WORDS.has("count.ordinal." + n) && n > 0
                ? WORDS.get("count.ordinal." + n)
                : WORDS.format("count.ordinal.other", "count", n);
    }

    /** "First", "Second": an ordinal at the start of a heading or sentence. */
    public static String ordinalCapitalised(int n) {
        String word = ordinal(n);
        return word.substring(0, 1).toUpperCase(java.util.Locale.UK) + word.substring(1);
    }

    /** "once", "twice", "3 times". */
    public static String times(int n) {
        return n == 1
                ? WORDS.get("count.times.one")
                : n == 2
                        ? WORDS.get("count.times.two")
                        : WORDS.format("count.times.many", "count", n);
    }
}
