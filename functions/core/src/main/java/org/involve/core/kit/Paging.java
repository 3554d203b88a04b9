package org.involve.core.kit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Long lists read a page at a time from an index in its own order, so a page costs the same whatever the table's size.
 * A page is found by a cursor in the query string: {@code after=KEY} (the next page starts after the item with that
 * key) or {@code before=KEY} (the previous page ends before it), the key opaque (base64url of the item's sort key). A
 * cursor that does not decode to a key of the list's shape, or that leads to an empty page (the records moved on), gives
 * the first page, said so on the page: never an error.
 */
public final class Paging {
    public static final String AFTER = "after", BEFORE = "before";

    private static final DateTimeFormatter SORTABLE =
            new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
    private static final String SORTABLE_SHAPE =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#";

    private Paging() {}

    /**
     * The key of an item in a list kept in time order: the time (to the nanosecond, so keys sort as text), then the
     * item's id, which makes each key unique. A page's cursor carries it: no personal data.
     */
    public static String timeKey(Instant at, String id) {
        return SORTABLE.format(at) + "#" + id;
    }

    /** Which keys are {@link #timeKey}s whose id matches {@code idPattern}: a cursor from another list is not used. */
    public static Predicate<String> timeKeys(String idPattern) {
        Pattern shape = Pattern.compile(SORTABLE_SHAPE + idPattern);
        return key -> shape.matcher(key).matches();
    }

    public enum Direction {
        FIRST,
        AFTER,
        BEFORE
    }

    /** Where a page starts: the first page, or after or before an item's key. */
    public record Cursor(Direction direction, String key) {
        public Cursor {
            if ((direction == Direction.FIRST) != (key == null))
                throw new IllegalArgumentException("Only the first page has no key");
        }

        public static Cursor first() {
            return new Cursor(Direction.FIRST, null);
        }

        public static Cursor after(String key) {
            return new Cursor(Direction.AFTER, key);
        }

        public static Cursor before(String key) {
            return new Cursor(Direction.BEFORE, key);
        }

        public boolean isFirst() {
            return direction == Direction.FIRST;
        }

        /** The query string that asks for this page ("" for the first, else {@code after=...} or {@code before=...}). */
        public String query() {
            return isFirst() ? "" : param() + "=" + value();
        }

        /** The name of the query or form field that carries it: {@code after} or {@code before} (null for the first). */
        public String param() {
            return switch (direction) {
                case FIRST -> null;
                case AFTER -> AFTER;
                case BEFORE -> BEFORE;
            };
        }

        /** Its value in a query or form field: the key, opaque (null for the first). */
        public String value() {
            return isFirst() ? null : encode(key);
        }
    }

    /** What the query string asked for: a cursor, and whether it had to start again (a cursor not of this list). */
    public record Asked(Cursor cursor, boolean startedOver) {}

    /**
     * The cursor from the query's {@code after} and {@code before} values (either may be null): the first page when
     * neither is given, or (started over) when the one given does not decode to a key {@code valid} accepts, or both
     * are given.
     */
    public static Asked asked(String after, String before, Predicate<String> valid) {
        boolean hasAfter = after != null && !after.isEmpty();
        boolean hasBefore = before != null && !before.isEmpty();
        if (!hasAfter && !hasBefore) return new Asked(Cursor.first(), false);
        if (hasAfter && hasBefore) return new Asked(Cursor.first(), true);
        Optional<String> key = decode(hasAfter ? after : before).filter(valid);
        if (key.isEmpty()) return new Asked(Cursor.first(), true);
        return new Asked(hasAfter ? Cursor.after(key.get()) : Cursor.before(key.get()), false);
    }

    /**
     * One page of items in the list's order, with the cursors of the pages either side (null when there is none), and
     * whether the cursor asked for had to be given up for the first page.
     */
    public record Page<T>(List<T> items, Cursor previous, Cursor next, boolean startedOver) {
        public Page {
            items = List.copyOf(items);
        }

        public <U> Page<U> map(Function<T, U> f) {
            return new Page<>(items.stream().map(f).toList(), previous, next, startedOver);
        }

        public boolean hasMore() {
            return previous != null || next != null;
        }
    }

    /**
     * The page made from what was read for {@code cursor}: up to {@code size + 1} items in reading order (the list's
     * order from the start or after the key, the reverse of it before the key; the one extra says there is more that
     * way). Before a key, there is a next page (the key's item, or what followed it); after a key, a previous one.
     */
    public static <T> Page<T> page(Cursor cursor, List<T> read, int size, Function<T, String> key) {
        if (size < 1) throw new IllegalArgumentException("A page holds at least one item");
        boolean more = read.size() > size;
        List<T> shown = new ArrayList<>(read.subList(0, Math.min(size, read.size())));
        if (cursor.direction() == Direction.BEFORE) Collections.reverse(shown);
        if (shown.isEmpty()) return new Page<>(shown, null, null, false);
        Cursor first = Cursor.before(key.apply(shown.get(0)));
        Cursor last = Cursor.after(key.apply(shown.get(shown.size() - 1)));
        return switch (cursor.direction()) {
            case FIRST -> new Page<>(shown, null, more ? last : null, false);
            case AFTER -> new Page<>(shown, first, more ? last : null, false);
            case BEFORE -> new Page<>(shown, more ? first : null, last, false);
        };
    }

    /**
     * The page {@code asked} names, read by {@code read}: the first page instead, marked started over, when the
     * cursor was not one of the list's or now leads to an empty page (the records moved on).
     */
    public static <T> Page<T> read(Asked asked, Function<Cursor, Page<T>> read) {
        Page<T> page = read.apply(asked.cursor());
        if (page.items().isEmpty() && !asked.cursor().isFirst())
            return startedOver(read.apply(Cursor.first()));
        return asked.startedOver() ? startedOver(page) : page;
    }

    /** The same page, marked as the first page given instead of the one asked for. */
    public static <T> Page<T> startedOver(Page<T> page) {
        return new Page<>(page.items(), page.previous(), page.next(), true);
    }

    static String encode(String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> decode(String value) {
        if (value.length() > 400 || !value.matches("[A-Za-z0-9_-]+")) return Optional.empty();
        try {
            return Optional.of(
                    new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
