package org.involve.local;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of an AWS cron expression: numbers, names (JAN, MON), {@code *}, {@code ?}, lists, ranges and
 * {@code /} steps. {@code L}, {@code W} and {@code #} are not supported locally.
 */
final class CronField {
    private final BitSet allowed = new BitSet();

    private CronField(String text, int min, int max, List<String> names, String fieldName) {
        for (String part : text.split(",")) addPart(part, min, max, names, fieldName);
    }

    static CronField of(String text, int min, int max, String fieldName) {
        return new CronField(text, min, max, List.of(), fieldName);
    }

    /** A field whose values may be written as names; {@code names.get(0)} stands for {@code min}. */
    static CronField named(String text, int min, int max, List<String> names, String fieldName) {
        return new CronField(text.toUpperCase(Locale.ROOT), min, max, names, fieldName);
    }

    boolean matches(int value) {
        return allowed.get(value);
    }

    private void addPart(String part, int min, int max, List<String> names, String fieldName) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = Integer.parseInt(part.substring(slash + 1));
            if (step <= 0)
                throw new IllegalArgumentException(
                        "Bad step in the " + fieldName + " field: " + part);
        }
        int from;
        int to;
        if (range.equals("*") || range.equals("?")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ends = range.split("-", 2);
            from = value(ends[0], min, max, names, fieldName);
            to = value(ends[1], min, max, names, fieldName);
        } else {
            from = value(range, min, max, names, fieldName);
            to = slash >= 0 ? max : from; // "5/15" means from 5 every 15
        }
        if (from > to)
            throw new IllegalArgumentException("Bad range in the " + fieldName + " field: " + part);
        for (int v = from; v <= to; v += step) allowed.set(v);
    }

    private static int value(String text, int min, int max, List<String> names, String fieldName) {
        int named = names.indexOf(text);
        if (named < 0 && !text.matches("\\d+")) {
            throw new IllegalArgumentException(
                    "The "
                            + fieldName
                            + " field value '"
                            + text
                            + "' is not supported locally (numbers, names, *, ?, lists, ranges and steps are; L, W and # are not)");
        }
        int v = named >= 0 ? min + named : Integer.parseInt(text);
        if (v < min || v > max)
            throw new IllegalArgumentException(
                    "The " + fieldName + " field value " + text + " is outside " + min + "-" + max);
        return v;
    }
}
