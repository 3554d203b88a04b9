package org.involve.core.equality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.involve.core.equality.Suppression.Shown;

/**
 * {@link Suppression} as it was before it looked at each set of linked hidden counts apart (commit 994a0121): every
 * check row-reduces and narrows every sum at once. Kept, unchanged but for its name, only so that tests can ask whether
 * the quicker one decides exactly as this one did.
 */
final class UnsplitSuppression {
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
        while (true) {
            List<Integer> exposed = exposed(shown);
            if (exposed.isEmpty()) return showWhatNeedNotBeWithheld(shown);
            boolean changed = false;
            for (int k : exposed) {
                int extra = partner(k, shown);
                if (extra >= 0 && shown[extra] == Shown.NUMBER) {
                    shown[extra] = Shown.WITHHELD;
                    changed = true;
                }
            }
            if (!changed)
                throw new IllegalStateException(
                        "No count can be withheld to protect a small one: the fixed totals expose it");
        }
    }

    /**
     * Shows again, largest first, each withheld count whose showing exposes no small one: withholding one by one can
     * leave some that a later one made unnecessary.
     */
    private Shown[] showWhatNeedNotBeWithheld(Shown[] shown) {
        List<Integer> withheld = new ArrayList<>();
        for (int i = 0; i < shown.length; i++)
            if (shown[i] == Shown.WITHHELD && !hidden.get(i)) withheld.add(i);
        withheld.sort((a, b) -> Long.compare(values.get(b), values.get(a)));
        for (int i : withheld) {
            shown[i] = Shown.NUMBER;
            if (!exposed(shown).isEmpty()) shown[i] = Shown.WITHHELD;
        }
        return shown;
    }

    /** The smallest count still shown that shares a sum with {@code k} (or any, if none does) and is not fixed. */
    private int partner(int k, Shown[] shown) {
        int best = -1;
        for (int[] s : sums) {
            if (Arrays.stream(s).noneMatch(i -> i == k)) continue;
            for (int i : s) best = smaller(best, i, shown);
        }
        if (best >= 0) return best;
        for (int i = 0; i < values.size(); i++) best = smaller(best, i, shown);
        return best;
    }

    private int smaller(int best, int i, Shown[] shown) {
        if (shown[i] != Shown.NUMBER || fixed.get(i)) return best;
        return best < 0 || values.get(i) < values.get(best) ? i : best;
    }

    /**
     * The counts shown as "fewer than" whose value a reader can work out: every solution of the published sums gives
     * it the same value, counts being never negative. A reader cannot tell "fewer than" from "withheld" (both are shown
     * the same way, {@link EqualityReport.Count#text}), so all they know of a hidden count is that it is a whole number,
     * 0 or more. Two ways of working one out are combined until neither finds more: the sums alone (row reduction), and
     * the sums with counts never below 0 (if the hidden counts of a sum must add up to 0, each is 0; bounds carried from
     * sum to sum). A count worked out one way is known to the other.
     */
    List<Integer> exposed(Shown[] shown) {
        int n = values.size();
        boolean[] known = new boolean[n];
        for (int i = 0; i < n; i++) known[i] = shown[i] == Shown.NUMBER;
        boolean more = true;
        while (more) {
            more = false;
            List<Integer> found = new ArrayList<>(fixedBySums(known));
            found.addAll(fixedByBounds(known));
            for (int i : found)
                if (!known[i]) {
                    known[i] = true;
                    more = true;
                }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (known[i] && shown[i] == Shown.FEWER_THAN) out.add(i);
        return out;
    }

    /** The counts not known that the published sums fix, whatever the known counts are. */
    private List<Integer> fixedBySums(boolean[] known) {
        int n = values.size();
        int[] column = new int[n];
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            column[i] = -1;
            if (!known[i]) {
                column[i] = hidden.size();
                hidden.add(i);
            }
        }
        int cols = hidden.size();
        List<double[]> rows = new ArrayList<>();
        for (int[] s : sums) {
            double[] row = new double[cols];
            boolean any = false;
            for (int j = 0; j < s.length; j++) {
                int c = column[s[j]];
                if (c < 0) continue;
                row[c] += j == 0 ? -1 : 1;
                any = true;
            }
            if (any) rows.add(row);
        }
        boolean[] determined = Rref.determined(rows, cols);
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < cols; c++) if (determined[c]) out.add(hidden.get(c));
        return out;
    }

    /**
     * The counts not known whose lowest and highest possible values meet, every count being at least 0: each sum
     * narrows the range of its total and of each of its parts from the others' ranges, until no range narrows. This
     * finds, for example, the hidden parts of a sum whose shown parts already add up to its total (each must be 0).
     */
    private List<Integer> fixedByBounds(boolean[] known) {
        int n = values.size();
        double[] lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = known[i] ? values.get(i) : 0;
            hi[i] = known[i] ? values.get(i) : Double.POSITIVE_INFINITY;
        }
        boolean narrowed = true;
        for (int round = 0; narrowed && round < 10_000; round++) {
            narrowed = false;
            for (int[] s : sums) {
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
                        othersHi = sumOfOthers(hi, s, j); // infinity less infinity is not a number
                    narrowed |= narrow(lo, hi, p, lo[total] - othersHi, hi[total] - othersLo);
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!known[i] && lo[i] == hi[i]) out.add(i);
        return out;
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
