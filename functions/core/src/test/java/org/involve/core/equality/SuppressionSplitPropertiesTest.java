package org.involve.core.equality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.involve.core.equality.Suppression.Shown;

/**
 * {@link Suppression} checks each set of linked hidden counts on its own, and only the sets a change touched; {@link
 * UnsplitSuppression}, as it was before, checks every sum at once every time. Told the same counts and sums, they must
 * decide the same: the same Shown[] for every count, or both refuse.
 */
class SuppressionSplitPropertiesTest {
    /** What a suppression is told, to tell both the same. */
    static final class Told {
        final List<Long> values = new ArrayList<>();
        final BitSet fixed = new BitSet(), hidden = new BitSet();
        final List<List<Integer>> sums = new ArrayList<>();
        final List<Integer> totals = new ArrayList<>();

        int count(long value, boolean fixed) {
            values.add(value);
            if (fixed) this.fixed.set(values.size() - 1);
            return values.size() - 1;
        }

        void sum(int total, List<Integer> parts) {
            totals.add(total);
            sums.add(parts);
        }

        /** Shown[] as the quicker suppression decides, or null if it refuses. */
        Shown[] split(int threshold) {
            Suppression s = new Suppression();
            for (int i = 0; i < values.size(); i++) s.count(values.get(i), fixed.get(i));
            hidden.stream().forEach(s::hide);
            for (int i = 0; i < sums.size(); i++) s.sum(totals.get(i), sums.get(i));
            try {
                return s.apply(threshold);
            } catch (IllegalStateException refused) {
                return null;
            }
        }

        /** Shown[] as the suppression before the split decided, or null if it refused. */
        Shown[] unsplit(int threshold) {
            UnsplitSuppression s = new UnsplitSuppression();
            for (int i = 0; i < values.size(); i++) s.count(values.get(i), fixed.get(i));
            hidden.stream().forEach(s::hide);
            for (int i = 0; i < sums.size(); i++) s.sum(totals.get(i), sums.get(i));
            try {
                return s.apply(threshold);
            } catch (IllegalStateException refused) {
                return null;
            }
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("counts " + values + ", fixed " + fixed);
            s.append(", hidden ").append(hidden);
            for (int i = 0; i < sums.size(); i++)
                s.append("\n  ").append(totals.get(i)).append(" = ").append(sums.get(i));
            return s.toString();
        }
    }

    /** Counts, mostly small, where suppression matters. */
    private static Arbitrary<Long> counts() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 12)),
                Tuple.of(3, Arbitraries.longs().between(0, 40)),
                Tuple.of(1, Arbitraries.longs().between(0, 400)));
    }

    /**
     * Any counts and sums: a few counts, then totals of a few counts each (earlier totals included, so sums nest and
     * overlap), some fixed, some hidden as if elsewhere. Each sum is given as indices, taken modulo the counts so far.
     */
    record AnySums(
            List<Long> cells,
            List<List<Integer>> sums,
            List<Boolean> fixed,
            List<Boolean> hidden,
            int threshold) {
        Told told() {
            Told t = new Told();
            for (int i = 0; i < cells.size(); i++) t.count(cells.get(i), flag(fixed, i));
            for (List<Integer> sum : sums) {
                Set<Integer> parts = new LinkedHashSet<>();
                for (int p : sum) parts.add(p % t.values.size());
                long total = 0;
                for (int p : parts) total += t.values.get(p);
                int id = t.count(total, flag(fixed, t.values.size()));
                if (flag(hidden, id)) t.hidden.set(id);
                t.sum(id, List.copyOf(parts));
            }
            return t;
        }

        private static boolean flag(List<Boolean> flags, int i) {
            return !flags.isEmpty() && flags.get(i % flags.size());
        }
    }

    @Provide
    Arbitrary<AnySums> anySums() {
        return Combinators.combine(
                        counts().list().ofMinSize(1).ofMaxSize(12),
                        Arbitraries.integers()
                                .between(0, 99)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(5)
                                .list()
                                .ofMaxSize(8),
                        Arbitraries.frequencyOf(
                                        Tuple.of(3, Arbitraries.just(false)),
                                        Tuple.of(1, Arbitraries.just(true)))
                                .list()
                                .ofMaxSize(7),
                        Arbitraries.frequencyOf(
                                        Tuple.of(5, Arbitraries.just(false)),
                                        Tuple.of(1, Arbitraries.just(true)))
                                .list()
                                .ofMaxSize(7),
                        Arbitraries.integers().between(1, 12))
                .as(AnySums::new);
    }

    @Property(tries = 1500)
    void decidesAsBeforeForAnySums(@ForAll("anySums") AnySums a) {
        Told t = a.told();
        Shown[] before = t.unsplit(a.threshold());
        assertArrayEquals(before, t.split(a.threshold()), t.toString());
        Statistics.collect(outcome(before));
    }

    /** What a case exercised, so that a run shows the cases are not all trivial. */
    private static String outcome(Shown[] shown) {
        if (shown == null) return "refused";
        boolean small = false, withheld = false;
        for (Shown s : shown) {
            small |= s == Shown.FEWER_THAN;
            withheld |= s == Shown.WITHHELD;
        }
        return withheld ? "withheld some" : small ? "only small ones hidden" : "all shown";
    }

    /**
     * A programme as the equality report suppresses one question: counts[role][answer][stage], each role's stage total
     * fixed (and hidden where {@code totalHidden} says, as the table of totals decided), and the programme's counts
     * and totals, each the sum of its roles'.
     */
    record Programme(long[][][] counts, List<Boolean> totalHidden, int threshold) {
        Told told() {
            int roles = counts.length, answers = counts[0].length, stages = counts[0][0].length;
            Told t = new Told();
            int[][][] cell = new int[roles][answers][stages];
            long[][] whole = new long[answers][stages];
            int hiddenAt = 0;
            for (int r = 0; r < roles; r++)
                for (int st = 0; st < stages; st++) {
                    List<Integer> parts = new ArrayList<>();
                    long sum = 0;
                    for (int a = 0; a < answers; a++) {
                        cell[r][a][st] = t.count(counts[r][a][st], false);
                        parts.add(cell[r][a][st]);
                        sum += counts[r][a][st];
                        whole[a][st] += counts[r][a][st];
                    }
                    int total = t.count(sum, true);
                    if (totalHidden.get(hiddenAt++ % totalHidden.size())) t.hidden.set(total);
                    t.sum(total, parts);
                }
            for (int st = 0; st < stages; st++) {
                List<Integer> parts = new ArrayList<>();
                long sum = 0;
                for (int a = 0; a < answers; a++) {
                    int w = t.count(whole[a][st], false);
                    List<Integer> fromRoles = new ArrayList<>();
                    for (int r = 0; r < roles; r++) fromRoles.add(cell[r][a][st]);
                    t.sum(w, fromRoles);
                    parts.add(w);
                    sum += whole[a][st];
                }
                int total = t.count(sum, true);
                if (totalHidden.get(hiddenAt++ % totalHidden.size())) t.hidden.set(total);
                t.sum(total, parts);
            }
            return t;
        }
    }

    @Provide
    Arbitrary<Programme> programmes() {
        Arbitrary<Integer> roles = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> answers = Arbitraries.integers().between(2, 5);
        Arbitrary<Integer> stages = Arbitraries.integers().between(1, 4);
        return Combinators.combine(roles, answers, stages)
                .flatAs(
                        (r, a, s) ->
                                Combinators.combine(
                                                counts().array(long[].class)
                                                        .ofSize(s)
                                                        .array(long[][].class)
                                                        .ofSize(a)
                                                        .array(long[][][].class)
                                                        .ofSize(r),
                                                Arbitraries.frequencyOf(
                                                                Tuple.of(
                                                                        5, Arbitraries.just(false)),
                                                                Tuple.of(1, Arbitraries.just(true)))
                                                        .list()
                                                        .ofMinSize(1)
                                                        .ofMaxSize(5),
                                                Arbitraries.integers().between(2, 10))
                                        .as(Programme::new));
    }

    @Property(tries = 600)
    void decidesAsBeforeForAProgrammesTables(@ForAll("programmes") Programme p) {
        Told t = p.told();
        Shown[] before = t.unsplit(p.threshold()), now = t.split(p.threshold());
        assertArrayEquals(before, now, t.toString());
        if (now != null) assertEquals(t.values.size(), now.length);
        Statistics.collect(outcome(before));
    }
}
