package org.involve.core.kit;

/** Numbers of years and times written as people say them ("1 year", "twice"), from content/common (count.*). */
public final class Counts {
    private static final Words WORDS = Words.of("common");

    private Counts() {}

    /** "1 year", "4 years". */
    public static String years(int n) {
        return n == 1 ? WORDS.get("count.years.one") : WORDS.format("count.years.many", "count", n);
    }

    /** "once", "twice", "3 times". */
    public static String times(int n) {
        return n == 1 ? WORDS.get("count.times.one") : n == 2 ? WORDS.get("count.times.two") : WORDS.format("count.times.many", "count", n);
    }
}
