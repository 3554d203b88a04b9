package org.involve.core.equality;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.involve.core.equality.Suppression.Shown;

/**
 * A programme's tables as the equality report publishes them: each role's counts (answer by stage) with its stage
 * totals, and the programme's counts, each the sum of its roles'. For random programmes, no count shown as "fewer
 * than" can be worked out from everything shown on all the pages together. The check is independent of the
 * suppression's own row reduction: a hidden count is fixed exactly when adding "this count" to the published sums
 * does not raise their rank, computed modulo a large prime.
 */
class ProgrammeSuppressionPropertiesTest {
    private static final long P = 2_147_483_647L;

    record Programme(long[][][] counts, int threshold) {}

    @Provide
    Arbitrary<Programme> programmes() {
        Arbitrary<Integer> roles = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> answers = Arbitraries.integers().between(2, 5);
        Arbitrary<Integer> stages = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> threshold = Arbitraries.integers().between(2, 10);
        return Combinators.combine(roles, answers, stages, threshold)
                .flatAs(
                        (r, a, s, t) ->
                                Arbitraries.longs()
                                        .between(0, 25)
                                        .array(long[].class)
                                        .ofSize(s)
                                        .array(long[][].class)
                                        .ofSize(a)
                                        .array(long[][][].class)
                                        .ofSize(r)
                                        .map(c -> new Programme(c, t)));
    }

    @Property(tries = 400)
    void noHiddenSmallCountCanBeWorkedOutAcrossTheRolesAndTheProgramme(
            @ForAll("programmes") Programme p) {
        int roles = p.counts().length, answers = p.counts()[0].length;
        int stages = p.counts()[0][0].length;
        Suppression s = new Suppression();
        List<Long> values = new ArrayList<>();
        List<int[]> sums = new ArrayList<>();
        int[][][] cell = new int[roles][answers][stages];
        long[][] whole = new long[answers][stages];
        for (int r = 0; r < roles; r++)
            for (int st = 0; st < stages; st++) {
                List<Integer> parts = new ArrayList<>();
                long total = 0;
                for (int a = 0; a < answers; a++) {
                    long v = p.counts()[r][a][st];
                    cell[r][a][st] = add(s, values, v);
                    parts.add(cell[r][a][st]);
                    total += v;
                    whole[a][st] += v;
                }
                sum(s, sums, add(s, values, total), parts);
            }
        for (int st = 0; st < stages; st++) {
            List<Integer> parts = new ArrayList<>();
            long total = 0;
            for (int a = 0; a < answers; a++) {
                int w = add(s, values, whole[a][st]);
                List<Integer> fromRoles = new ArrayList<>();
                for (int r = 0; r < roles; r++) fromRoles.add(cell[r][a][st]);
                sum(s, sums, w, fromRoles);
                parts.add(w);
                total += whole[a][st];
            }
            sum(s, sums, add(s, values, total), parts);
        }
        Shown[] shown = s.apply(p.threshold());
        for (int i = 0; i < shown.length; i++) {
            if (values.get(i) < p.threshold())
                assertTrue(shown[i] == Shown.FEWER_THAN, "count " + i);
            if (shown[i] == Shown.FEWER_THAN)
                assertFalse(determined(sums, shown, i), "count " + i + " can be worked out");
        }
    }

    private static int add(Suppression s, List<Long> values, long v) {
        values.add(v);
        return s.count(v, false);
    }

    private static void sum(Suppression s, List<int[]> sums, int total, List<Integer> parts) {
        s.sum(total, parts);
        int[] eq = new int[parts.size() + 1];
        eq[0] = total;
        for (int i = 0; i < parts.size(); i++) eq[i + 1] = parts.get(i);
        sums.add(eq);
    }

    /** Whether the hidden count k is fixed by the sums: e_k lies in their row space over the hidden counts. */
    static boolean determined(List<int[]> sums, Shown[] shown, int k) {
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) if (shown[i] != Shown.NUMBER) hidden.add(i);
        List<long[]> rows = new ArrayList<>();
        for (int[] eq : sums) {
            long[] row = new long[hidden.size()];
            for (int j = 0; j < eq.length; j++) {
                int col = hidden.indexOf(eq[j]);
                if (col >= 0) row[col] = Math.floorMod(row[col] + (j == 0 ? -1 : 1), P);
            }
            rows.add(row);
        }
        int before = rank(rows, hidden.size());
        long[] unit = new long[hidden.size()];
        unit[hidden.indexOf(k)] = 1;
        rows.add(unit);
        return rank(rows, hidden.size()) == before;
    }

    /** The rank of the rows modulo P. */
    static int rank(List<long[]> rows, int columns) {
        long[][] m = rows.stream().map(long[]::clone).toArray(long[][]::new);
        int rank = 0;
        for (int c = 0; c < columns && rank < m.length; c++) {
            int pivot = -1;
            for (int i = rank; i < m.length; i++)
                if (m[i][c] != 0) {
                    pivot = i;
                    break;
                }
            if (pivot < 0) continue;
            long[] t = m[rank];
            m[rank] = m[pivot];
            m[pivot] = t;
            long inv =
                    java.math.BigInteger.valueOf(m[rank][c])
                            .modInverse(java.math.BigInteger.valueOf(P))
                            .longValue();
            for (int j = 0; j < columns; j++) m[rank][j] = m[rank][j] * inv % P;
            for (int i = 0; i < m.length; i++) {
                if (i == rank || m[i][c] == 0) continue;
                long f = m[i][c];
                for (int j = 0; j < columns; j++)
                    m[i][j] = Math.floorMod(m[i][j] - f * m[rank][j] % P, P);
            }
            rank++;
        }
        return rank;
    }
}
