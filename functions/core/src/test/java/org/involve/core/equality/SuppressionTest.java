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
    void smallCountsThatMustAddUpToNothingAreProtectedToo() {
        // 20 = 20 + a + b: neither a nor b follows from the sum alone, but counts are never below
        // 0, so both are 0.
        Suppression s = new Suppression();
        int big = s.count(20, false), a = s.count(0, false), b = s.count(0, false);
        int total = s.count(20, true);
        s.sum(total, List.of(big, a, b));
        assertArrayEquals(new Shown[] {W, F, F, N}, s.apply(10));
    }

    @Test
    void whatOneSumGivesAwayIsUsedInTheNext() {
        // 20 = 20 + a + b gives a = b = 0 away; then 20 = a + c + 15 would give c = 5 away.
        // Withholding the first 20
        // protects a and b, and with them c.
        Suppression s = new Suppression();
        int big = s.count(20, false), a = s.count(0, false), b = s.count(0, false);
        int c = s.count(5, false), d = s.count(15, false);
        int first = s.count(20, true), second = s.count(20, true);
        s.sum(first, List.of(big, a, b));
        s.sum(second, List.of(a, c, d));
        assertArrayEquals(new Shown[] {W, F, F, F, N, N, N}, s.apply(10));
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
