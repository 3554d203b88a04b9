package org.involve.core.equality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.involve.core.equality.Suppression.Shown;

/**
 * For random tables of counts with their totals: nothing under the threshold is shown, and no count shown as "fewer
 * than" can be worked out from what is shown. The check does not trust the suppression's own algebra: it asks the
 * graph question instead (a hidden count is fixed by the published row and column sums exactly when it is a bridge of
 * the graph of rows and columns joined by hidden counts, the totals being one more row and column).
 */
class SuppressionPropertiesTest {
    /** A table: counts[row][column], whether row totals and the grand total are published, and the threshold. */
    record Table(long[][] counts, boolean rowTotals, int threshold) {
        int rows() {
            return counts.length;
        }

        int columns() {
            return counts[0].length;
        }

        @Override
        public String toString() {
            StringBuilder s =
                    new StringBuilder(
                            "threshold " + threshold + (rowTotals ? ", row totals" : "") + "\n");
            for (long[] r : counts) s.append(java.util.Arrays.toString(r)).append('\n');
            return s.toString();
        }
    }

    /** The shown table laid out with its totals: [rows+1][columns+1], the last row and column being the totals. */
    record Laid(long[][] value, Shown[][] shown, boolean[][] published) {}

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(2, 7);
        Arbitrary<Integer> columns = Arbitraries.integers().between(1, 5);
        Arbitrary<Integer> threshold = Arbitraries.integers().between(1, 12);
        Arbitrary<Boolean> rowTotals = Arbitraries.of(true, false);
        return Combinators.combine(rows, columns, threshold, rowTotals)
                .flatAs(
                        (r, c, t, rt) ->
                                Arbitraries.frequencyOf(
                                                // mostly small numbers, where suppression matters
                                                net.jqwik.api.Tuple.of(
                                                        6, Arbitraries.longs().between(0, 12)),
                                                net.jqwik.api.Tuple.of(
                                                        3, Arbitraries.longs().between(0, 40)),
                                                net.jqwik.api.Tuple.of(
                                                        1, Arbitraries.longs().between(0, 400)))
                                        .array(long[].class)
                                        .ofSize(c)
                                        .array(long[][].class)
                                        .ofSize(r)
                                        .map(counts -> new Table(counts, rt, t)));
    }

    static Laid suppress(Table t) {
        int R = t.rows(), C = t.columns();
        Suppression s = new Suppression();
        int[][] id = new int[R + 1][C + 1];
        long[][] v = new long[R + 1][C + 1];
        boolean[][] published = new boolean[R + 1][C + 1];
        for (int i = 0; i < R; i++)
            for (int j = 0; j < C; j++) {
                v[i][j] = t.counts()[i][j];
                v[i][C] += v[i][j];
                v[R][j] += v[i][j];
                v[R][C] += v[i][j];
            }
        for (int i = 0; i <= R; i++)
            for (int j = 0; j <= C; j++) {
                boolean total = i == R || j == C;
                published[i][j] = !total || j != C || t.rowTotals();
                if (published[i][j]) id[i][j] = s.count(v[i][j], false);
            }
        for (int j = 0; j < C; j++) {
            List<Integer> parts = new ArrayList<>();
            for (int i = 0; i < R; i++) parts.add(id[i][j]);
            s.sum(id[R][j], parts);
        }
        if (t.rowTotals()) {
            for (int i = 0; i <= R; i++) {
                List<Integer> parts = new ArrayList<>();
                for (int j = 0; j < C; j++) parts.add(id[i][j]);
                s.sum(id[i][C], parts);
            }
            List<Integer> parts = new ArrayList<>();
            for (int i = 0; i < R; i++) parts.add(id[i][C]);
            s.sum(id[R][C], parts);
        }
        Shown[] shown = s.apply(t.threshold());
        Shown[][] laid = new Shown[R + 1][C + 1];
        for (int i = 0; i <= R; i++)
            for (int j = 0; j <= C; j++)
                laid[i][j] = published[i][j] ? shown[id[i][j]] : Shown.WITHHELD;
        return new Laid(v, laid, published);
    }

    @Property(tries = 2000)
    void nothingUnderTheThresholdIsShown(@ForAll("tables") Table t) {
        Laid l = suppress(t);
        for (int i = 0; i < l.value().length; i++)
            for (int j = 0; j < l.value()[0].length; j++) {
                if (!l.published()[i][j]) continue;
                if (l.value()[i][j] < t.threshold())
                    assertEquals(Shown.FEWER_THAN, l.shown()[i][j], t + " at " + i + "," + j);
                else assertFalse(l.shown()[i][j] == Shown.FEWER_THAN, "only small counts say so");
            }
    }

    @Property(tries = 2000)
    void noSuppressedCountCanBeWorkedOutFromTheTotalsOrOtherCounts(@ForAll("tables") Table t) {
        Laid l = suppress(t);
        int R = l.value().length, C = l.value()[0].length;
        for (int i = 0; i < R; i++)
            for (int j = 0; j < C; j++)
                if (l.published()[i][j] && l.shown()[i][j] == Shown.FEWER_THAN)
                    assertFalse(
                            isBridge(l.shown(), i, j), t + " exposes the count at " + i + "," + j);
    }

    @Property(tries = 500)
    void aTableWithNothingSmallIsShownWhole(@ForAll("tables") Table t) {
        long[][] big = new long[t.rows()][t.columns()];
        for (int i = 0; i < t.rows(); i++)
            for (int j = 0; j < t.columns(); j++) big[i][j] = t.counts()[i][j] + t.threshold();
        Laid l = suppress(new Table(big, t.rowTotals(), t.threshold()));
        for (int i = 0; i < l.value().length; i++)
            for (int j = 0; j < l.value()[0].length; j++)
                if (l.published()[i][j]) assertEquals(Shown.NUMBER, l.shown()[i][j]);
    }

    /**
     * Whether the hidden count at (i, j) is a bridge of the graph whose nodes are the rows and columns (totals
     * included) and whose edges are the hidden counts: then the row and column sums fix it.
     */
    static boolean isBridge(Shown[][] shown, int i, int j) {
        int R = shown.length, C = shown[0].length;
        // nodes: rows 0..R-1, columns R..R+C-1; is there another path from row i to column j?
        boolean[] seen = new boolean[R + C];
        Deque<Integer> todo = new ArrayDeque<>();
        todo.add(i);
        seen[i] = true;
        while (!todo.isEmpty()) {
            int n = todo.poll();
            if (n < R) {
                for (int c = 0; c < C; c++)
                    if (shown[n][c] != Shown.NUMBER && !(n == i && c == j) && !seen[R + c]) {
                        seen[R + c] = true;
                        todo.add(R + c);
                    }
            } else {
                int c = n - R;
                for (int r = 0; r < R; r++)
                    if (shown[r][c] != Shown.NUMBER && !(r == i && c == j) && !seen[r]) {
                        seen[r] = true;
                        todo.add(r);
                    }
            }
        }
        return !seen[R + j];
    }

    @Property(tries = 200)
    void theGraphCheckAgreesThatALoneSmallCountInAColumnIsExposed(@ForAll("tables") Table t) {
        // The checker itself must catch the plainest disclosure: one hidden count in a column whose
        // total is shown.
        int R = t.rows() + 1, C = t.columns() + 1;
        Shown[][] shown = new Shown[R][C];
        for (Shown[] row : shown) java.util.Arrays.fill(row, Shown.NUMBER);
        shown[0][0] = Shown.FEWER_THAN;
        assertTrue(isBridge(shown, 0, 0));
        shown[1][0] = Shown.WITHHELD;
        shown[0][C - 1] = Shown.WITHHELD;
        shown[1][C - 1] = Shown.WITHHELD;
        assertFalse(isBridge(shown, 0, 0));
    }
}
