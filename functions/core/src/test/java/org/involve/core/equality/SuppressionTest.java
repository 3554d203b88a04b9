package org.involve.core.equality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.involve.core.equality.Suppression.Shown;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final Shown N = Shown.NUMBER, F = Shown.FEWER_THAN, W = Shown.WITHHELD;

    @Test
    void aLoneSmallCountInAColumnTakesTheNextSmallestWithIt() {
        Suppression s = new Suppression();
        int a = s.count(4, false), b = s.count(15, false), c = s.count(30, false);
        int total = s.count(49, true);
        s.sum(total, List.of(a, b, c));
        assertArrayEquals(new Shown[] {F, W, N, N}, s.apply(10));
    }

    @Test
    void twoSmallCountsInAColumnProtectEachOther() {
        Suppression s = new Suppression();
        int a = s.count(4, false), b = s.count(3, false), c = s.count(30, false);
        int total = s.count(37, true);
        s.sum(total, List.of(a, b, c));
        assertArrayEquals(new Shown[] {F, F, N, N}, s.apply(10));
    }

    @Test
    void aSmallTotalIsHiddenLikeAnyCount() {
        Suppression s = new Suppression();
        int a = s.count(4, false), b = s.count(3, false);
        int total = s.count(7, true);
        s.sum(total, List.of(a, b));
        assertArrayEquals(new Shown[] {F, F, F}, s.apply(10));
    }

    @Test
    void partsThatDoNotAddUpAreRefused() {
        Suppression s = new Suppression();
        int a = s.count(4, false), total = s.count(5, true);
        assertThrows(IllegalArgumentException.class, () -> s.sum(total, List.of(a)));
    }
}
