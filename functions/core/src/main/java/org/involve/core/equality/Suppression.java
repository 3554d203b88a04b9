package org.involve.core.equality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Small-number suppression for counts that are published together with sums of them. Every count below the threshold
 * is shown only as "fewer than" it (primary suppression); then, while any such count could still be worked out exactly
 * from what is shown (by any sum of, or difference between, the published sums and counts), another count it shares a
 * sum with is withheld too (secondary suppression), the smallest first; at the end, any withheld count that no longer
 * needs to be is shown again. Counts marked fixed (totals published the same
 * way on other tables) are never withheld, only suppressed when they are themselves small.
 *
 * <p>"Worked out" means: every solution of the published sums in counts of 0 or more gives it the same value (a sum
 * whose shown parts already make its total gives away that each hidden part is 0). That is checked by solving the sums
 * over the hidden counts ({@link Equations}: where they are a graph's, as the equality report's are, by finding its
 * bridges; otherwise by row reduction), and by narrowing each hidden count's range from 0 upwards sum by sum. A reader
 * is not told which hidden counts are small: "fewer than" and "withheld" look the same on every page, or "withheld"
 * (so at least the threshold) beside "fewer than" in a sum could pin both down.
 *
 * <p>The check is made on each set of linked hidden counts apart ({@link Linked}), and again only on the sets that a
 * count withheld or shown again has changed: what it finds, and so what is withheld, is the same as checking every sum
 * at once each time, only quicker.
 */
public final class Suppression {
    /** How one count is shown. */
    public enum Shown {
        NUMBER,
        /** Below the threshold: shown as "fewer than {threshold}". */
        FEWER_THAN,
        /** Not small, but hidden so that a small one cannot be worked out from it. */
        WITHHELD
    }

    private final List<Long> values = new ArrayList<>();
    private final BitSet fixed = new BitSet();
    private final BitSet hidden = new BitSet();
    private final List<int[]> sums = new ArrayList<>();

    /** Adds a count; {@code fixed} counts are never withheld to protect others. @return its index */
    public int count(long value, boolean fixed) {
        if (value < 0) throw new IllegalArgumentException("A count cannot be negative");
        values.add(value);
        if (fixed) this.fixed.set(values.size() - 1);
        return values.size() - 1;
    }

    /**
     * Hides a count whatever its size (as hidden elsewhere: a total withheld on the table of totals stays withheld on
     * every table that repeats it).
     */
    public void hide(int index) {
        hidden.set(index);
    }

    /** Says that {@code total} is published as the sum of {@code parts}. */
    public void sum(int total, List<Integer> parts) {
        int[] s = new int[parts.size() + 1];
        s[0] = total;
        for (int i = 0; i < parts.size(); i++) s[i + 1] = parts.get(i);
        long got = 0;
        for (int p : parts) got += values.get(p);
        if (got != values.get(total))
            throw new IllegalArgumentException("The parts do not add up to the total");
        sums.add(s);
    }

    /** How each count is shown, by index, for counts below {@code threshold} hidden. */
    public Shown[] apply(int threshold) {
        int n = values.size();
        Shown[] shown = new Shown[n];
        for (int i = 0; i < n; i++)
            shown[i] =
                    values.get(i) < threshold
                            ? Shown.FEWER_THAN
                            : hidden.get(i) ? Shown.WITHHELD : Shown.NUMBER;
        Linked linked = new Linked(shown);
        // kept from round to round: withholding a count changes only its own linked set
        BitSet exposed = new BitSet(n);
        BitSet changedNow = new BitSet(n);
        for (int i = 0; i < n; i++) if (shown[i] != Shown.NUMBER) changedNow.set(i);
        while (true) {
            linked.recheck(changedNow, exposed);
            if (exposed.isEmpty()) return showWhatNeedNotBeWithheld(shown, linked);
            changedNow = new BitSet(n);
            for (int k : exposed.stream().toArray()) {
                int extra = partner(k, shown, linked);
                if (extra >= 0 && shown[extra] == Shown.NUMBER) {
                    shown[extra] = Shown.WITHHELD;
                    changedNow.set(extra);
                }
            }
            if (changedNow.isEmpty())
                throw new IllegalStateException(
                        "No count can be withheld to protect a small one: the fixed totals expose it");
        }
    }

    /**
     * Shows again, largest first, each withheld count whose showing exposes no small one: withholding one by one can
     * leave some that a later one made unnecessary. Nothing is exposed before each try, so showing a count can only
     * expose one in the hidden counts it was linked to.
     */
    private Shown[] showWhatNeedNotBeWithheld(Shown[] shown, Linked linked) {
        List<Integer> withheld = new ArrayList<>();
        for (int i = 0; i < shown.length; i++)
            if (shown[i] == Shown.WITHHELD && !hidden.get(i)) withheld.add(i);
        withheld.sort((a, b) -> Long.compare(values.get(b), values.get(a)));
        for (int i : withheld) {
            shown[i] = Shown.NUMBER;
            if (linked.exposesAny(linked.hiddenBeside(i))) shown[i] = Shown.WITHHELD;
        }
        return shown;
    }

    /** The smallest count still shown that shares a sum with {@code k} (or any, if none does) and is not fixed. */
    private int partner(int k, Shown[] shown, Linked linked) {
        int best = -1;
        for (int sum : linked.sumsOf[k]) for (int i : sums.get(sum)) best = smaller(best, i, shown);
        if (best >= 0) return best;
        for (int i = 0; i < values.size(); i++) best = smaller(best, i, shown);
        return best;
    }

    private int smaller(int best, int i, Shown[] shown) {
        if (shown[i] != Shown.NUMBER || fixed.get(i)) return best;
        return best < 0 || values.get(i) < values.get(best) ? i : best;
    }

    /**
     * The counts of one {@link #apply}, seen as sets of linked hidden counts: two hidden counts are linked when they
     * are in the same sum, or each linked to a third. A sum only ties together the hidden counts in it (the shown
     * ones are known numbers), so no sum holds hidden counts of two sets, and what a reader can work out in one set
     * is the same whatever is hidden in any other. Each set is checked on its own sums alone (a programme's four
     * stages share no sum, so are never in one set), and a set that holds no small count is not checked at all.
     */
    private final class Linked {
        private final Shown[] shown;
        private final long[] value;

        /** For each count, the sums it is in (each once, in the order they were said). */
        private final int[][] sumsOf;

        /** Each count's lowest and highest possible value, while a set is being narrowed. */
        private final double[] lo, hi;

        /** The counts still to follow while finding a set (each at most once). */
        private final int[] todo;

        /** Each count's place in the set being checked, or -1. */
        private final int[] place;

        Linked(Shown[] shown) {
            this.shown = shown;
            int n = values.size();
            value = new long[n];
            for (int i = 0; i < n; i++) value[i] = values.get(i);
            List<List<Integer>> of = new ArrayList<>();
            for (int i = 0; i < n; i++) of.add(new ArrayList<>());
            for (int s = 0; s < sums.size(); s++)
                for (int i : sums.get(s)) {
                    List<Integer> in = of.get(i);
                    if (in.isEmpty() || in.get(in.size() - 1) != s) in.add(s);
                }
            sumsOf = new int[n][];
            for (int i = 0; i < n; i++)
                sumsOf[i] = of.get(i).stream().mapToInt(Integer::intValue).toArray();
            lo = new double[n];
            hi = new double[n];
            todo = new int[n];
            place = new int[n];
            Arrays.fill(place, -1);
        }

        /** The hidden counts that share a sum with {@code i}. */
        BitSet hiddenBeside(int i) {
            BitSet beside = new BitSet(value.length);
            for (int s : sumsOf[i])
                for (int j : sums.get(s)) if (shown[j] != Shown.NUMBER) beside.set(j);
            return beside;
        }

        /**
         * Works out again which small counts are exposed in every set holding a count of {@code changed}; what
         * {@code exposed} says of other sets stays.
         */
        void recheck(BitSet changed, BitSet exposed) {
            BitSet seen = new BitSet(value.length);
            for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
                if (seen.get(c) || shown[c] == Shown.NUMBER) continue;
                int[] set = linkedTo(c, seen);
                for (int i : set) exposed.clear(i);
                for (int i : exposedIn(set)) exposed.set(i);
            }
        }

        /** Whether a small count is exposed in any set holding a count of {@code from}. */
        boolean exposesAny(BitSet from) {
            BitSet seen = new BitSet(value.length);
            for (int c = from.nextSetBit(0); c >= 0; c = from.nextSetBit(c + 1)) {
                if (seen.get(c)) continue;
                if (exposedIn(linkedTo(c, seen)).length > 0) return true;
            }
            return false;
        }

        /** The set of hidden counts linked to {@code start}, in index order; marks them seen. */
        private int[] linkedTo(int start, BitSet seen) {
            BitSet set = new BitSet(value.length);
            BitSet sumSeen = new BitSet(sums.size());
            int top = 0;
            todo[top++] = start;
            set.set(start);
            while (top > 0) {
                int c = todo[--top];
                for (int s : sumsOf[c]) {
                    if (sumSeen.get(s)) continue;
                    sumSeen.set(s);
                    for (int j : sums.get(s))
                        if (shown[j] != Shown.NUMBER && !set.get(j)) {
                            set.set(j);
                            todo[top++] = j;
                        }
                }
            }
            seen.or(set);
            return set.stream().toArray();
        }

        /**
         * The counts shown as "fewer than" in {@code set} (hidden counts linked to each other, in index order) whose
         * value a reader can work out: every solution of the published sums gives it the same value, counts being
         * never negative. A reader cannot tell "fewer than" from "withheld" (both are shown the same way, {@link
         * EqualityReport.Count#text}), so all they know of a hidden count is that it is a whole number, 0 or more.
         * Two ways of working one out are combined until neither finds more: the sums alone ({@link Equations}), and
         * the sums with counts never below 0 (if the hidden counts of a sum must add up to 0, each is 0; bounds
         * carried from sum to sum). A count worked out one way is known to the other.
         */
        private int[] exposedIn(int[] set) {
            boolean small = false;
            for (int i : set) small |= shown[i] == Shown.FEWER_THAN;
            if (!small) return new int[0]; // what can be worked out here exposes nothing small
            BitSet touching = new BitSet(sums.size());
            for (int i : set) for (int s : sumsOf[i]) touching.set(s);
            int[] rows = touching.stream().toArray();
            for (int m = 0; m < set.length; m++) place[set[m]] = m;
            boolean[] known = new boolean[set.length];
            boolean more = true;
            while (more) {
                more = false;
                boolean[] bySums = fixedBySums(set, known, rows);
                boolean[] byBounds = fixedByBounds(set, known, rows);
                for (int m = 0; m < set.length; m++)
                    if (!known[m] && (bySums[m] || byBounds[m])) {
                        known[m] = true;
                        more = true;
                    }
            }
            for (int i : set) place[i] = -1;
            return IntStream.range(0, set.length)
                    .filter(m -> known[m] && shown[set[m]] == Shown.FEWER_THAN)
                    .map(m -> set[m])
                    .toArray();
        }

        /** Which counts of the set, not known, the sums fix whatever the known counts are. */
        private boolean[] fixedBySums(int[] set, boolean[] known, int[] rows) {
            int[] column = new int[set.length];
            int cols = 0;
            for (int m = 0; m < set.length; m++) column[m] = known[m] ? -1 : cols++;
            Equations equations = new Equations(cols);
            int[] coefficient = new int[cols], at = new int[cols], inSum = new int[cols];
            Arrays.fill(inSum, -1);
            for (int s : rows) {
                int[] sum = sums.get(s);
                int terms = 0;
                for (int j = 0; j < sum.length; j++) {
                    int m = place[sum[j]];
                    if (m < 0 || column[m] < 0) continue;
                    int c = column[m];
                    if (inSum[c] != s) { // a count twice in a sum has one coefficient
                        inSum[c] = s;
                        coefficient[c] = 0;
                        at[terms++] = c;
                    }
                    coefficient[c] += j == 0 ? -1 : 1;
                }
                int nonZero = 0;
                for (int t = 0; t < terms; t++) if (coefficient[at[t]] != 0) nonZero++;
                if (nonZero == 0) continue;
                int[] unknowns = new int[nonZero], coefficients = new int[nonZero];
                for (int t = 0, k = 0; t < terms; t++)
                    if (coefficient[at[t]] != 0) {
                        unknowns[k] = at[t];
                        coefficients[k++] = coefficient[at[t]];
                    }
                equations.add(unknowns, coefficients);
            }
            boolean[] determined = equations.determined();
            boolean[] out = new boolean[set.length];
            for (int m = 0; m < set.length; m++) out[m] = column[m] >= 0 && determined[column[m]];
            return out;
        }

        /**
         * Which counts of the set, not known, have lowest and highest possible values that meet, every count being at
         * least 0: each sum narrows the range of its total and of each of its parts from the others' ranges, until
         * no range narrows. This finds, for example, the hidden parts of a sum whose shown parts already add up to
         * its total (each must be 0).
         */
        private boolean[] fixedByBounds(int[] set, boolean[] known, int[] rows) {
            for (int s : rows)
                for (int i : sums.get(s)) {
                    lo[i] = value[i];
                    hi[i] = value[i];
                }
            for (int m = 0; m < set.length; m++)
                if (!known[m]) {
                    lo[set[m]] = 0;
                    hi[set[m]] = Double.POSITIVE_INFINITY;
                }
            boolean narrowed = true;
            for (int round = 0; narrowed && round < 10_000; round++) {
                narrowed = false;
                for (int r : rows) {
                    int[] s = sums.get(r);
                    double partsLo = 0, partsHi = 0;
                    for (int j = 1; j < s.length; j++) {
                        partsLo += lo[s[j]];
                        partsHi += hi[s[j]];
                    }
                    int total = s[0];
                    narrowed |= narrow(lo, hi, total, partsLo, partsHi);
                    for (int j = 1; j < s.length; j++) {
                        int p = s[j];
                        // the part is the total less the other parts
                        double othersLo = partsLo - lo[p], othersHi = partsHi - hi[p];
                        if (Double.isInfinite(hi[p]))
                            othersHi =
                                    sumOfOthers(hi, s, j); // infinity less infinity is not a number
                        narrowed |= narrow(lo, hi, p, lo[total] - othersHi, hi[total] - othersLo);
                    }
                }
            }
            boolean[] out = new boolean[set.length];
            for (int m = 0; m < set.length; m++) out[m] = !known[m] && lo[set[m]] == hi[set[m]];
            return out;
        }
    }

    private static double sumOfOthers(double[] bound, int[] s, int except) {
        double sum = 0;
        for (int j = 1; j < s.length; j++) if (j != except) sum += bound[s[j]];
        return sum;
    }

    /** Narrows count i's range to [low, high] where that is narrower. @return whether it narrowed */
    private static boolean narrow(double[] lo, double[] hi, int i, double low, double high) {
        boolean changed = false;
        if (low > lo[i]) {
            lo[i] = low;
            changed = true;
        }
        if (high < hi[i]) {
            hi[i] = high;
            changed = true;
        }
        return changed;
    }
}
