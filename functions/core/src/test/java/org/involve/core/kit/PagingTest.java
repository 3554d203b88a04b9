package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagingTest {
    private static final Function<String, String> KEY = Function.identity();

    @Test
    void theFirstPageOffersANextPageOnlyWhenMoreWasRead() {
        Paging.Page<String> more =
                Paging.page(Paging.Cursor.first(), List.of("e", "d", "c"), 2, KEY);
        assertEquals(List.of("e", "d"), more.items());
        assertNull(more.previous());
        assertEquals(Paging.Cursor.after("d"), more.next());

        Paging.Page<String> exactly = Paging.page(Paging.Cursor.first(), List.of("e", "d"), 2, KEY);
        assertEquals(List.of("e", "d"), exactly.items());
        assertNull(exactly.next());
        assertFalse(exactly.hasMore());

        Paging.Page<String> empty = Paging.page(Paging.Cursor.first(), List.of(), 2, KEY);
        assertTrue(empty.items().isEmpty());
        assertFalse(empty.hasMore());
    }

    @Test
    void aPageAfterAKeyOffersThePreviousPage() {
        Paging.Page<String> last = Paging.page(Paging.Cursor.after("d"), List.of("c"), 2, KEY);
        assertEquals(List.of("c"), last.items());
        assertEquals(Paging.Cursor.before("c"), last.previous());
        assertNull(last.next());
    }

    @Test
    void aPageBeforeAKeyIsReadBackwardsAndShownInOrder() {
        // Read nearest first: "d" then "e" (and "f" says there is a page before this one).
        Paging.Page<String> page =
                Paging.page(Paging.Cursor.before("c"), List.of("d", "e", "f"), 2, KEY);
        assertEquals(List.of("e", "d"), page.items());
        assertEquals(Paging.Cursor.before("e"), page.previous());
        assertEquals(Paging.Cursor.after("d"), page.next());

        Paging.Page<String> top = Paging.page(Paging.Cursor.before("c"), List.of("d", "e"), 2, KEY);
        assertNull(top.previous());
        assertEquals(Paging.Cursor.after("d"), top.next());
    }

    @Test
    void aCursorTravelsOpaqueAndComesBackOnlyWhenItIsAKeyOfTheList() {
        Paging.Cursor after = Paging.Cursor.after("2026-01-01#a");
        String value = after.query().substring("after=".length());
        assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
        assertEquals(
                new Paging.Asked(after, false), Paging.asked(value, null, k -> k.contains("#")));
        assertEquals(
                new Paging.Asked(Paging.Cursor.before("2026-01-01#a"), false),
                Paging.asked(null, value, k -> k.contains("#")));

        Paging.Asked foreign = Paging.asked(value, null, k -> k.startsWith("claim"));
        assertEquals(new Paging.Asked(Paging.Cursor.first(), true), foreign);
        for (String tampered : new String[] {"%%%", "a b", "x".repeat(401), "A"})
            assertEquals(
                    new Paging.Asked(Paging.Cursor.first(), true),
                    Paging.asked(tampered, null, k -> k.contains("#")),
                    tampered);
        assertEquals(
                new Paging.Asked(Paging.Cursor.first(), true),
                Paging.asked(value, value, k -> true));
        assertEquals(
                new Paging.Asked(Paging.Cursor.first(), false), Paging.asked(null, "", k -> true));
        assertEquals("", Paging.Cursor.first().query());
    }

    @Test
    void onlyTheFirstPageHasNoKey() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Paging.Cursor(Paging.Direction.AFTER, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Paging.Cursor(Paging.Direction.FIRST, "k"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Paging.page(Paging.Cursor.first(), List.of(), 0, KEY));
    }

    @Test
    void timeKeysSortAsTextInTimeOrderAndKnowTheirList() {
        String earlier = Paging.timeKey(Instant.parse("2026-03-01T09:00:00.5Z"), "claim-b");
        String sooner = Paging.timeKey(Instant.parse("2026-03-01T09:00:00.123456789Z"), "claim-a");
        String muchLater = Paging.timeKey(Instant.parse("2026-11-01T00:00:00Z"), "claim-a");
        assertEquals("2026-03-01T09:00:00.500000000Z#claim-b", earlier);
        assertTrue(sooner.compareTo(earlier) < 0, "a fraction of a second sooner sorts first");
        assertTrue(muchLater.compareTo(earlier) > 0);
        var claims = Paging.timeKeys("claim-[a-z]+");
        assertTrue(claims.test(earlier));
        assertFalse(claims.test(Paging.timeKey(Instant.EPOCH, "appointment-1")));
        assertFalse(claims.test("2026-03-01T09:00:00Z#claim-b"), "not to the nanosecond");
        assertFalse(claims.test(earlier + "\n"));
    }
}
