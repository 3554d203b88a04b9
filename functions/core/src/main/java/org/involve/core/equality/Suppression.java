package org.involve.core.equality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Small-number suppression for counts that are published together with sums of them. Every count below the threshold
 * is shown only as "fewer than" it (primary suppression); then, while any such count could still be worked out exactly
 * from what is shown (by any sum of, or difference between, the published sums and counts), another count it shares a
 * sum with is withheld too (secondary suppression), the smallest first; at the end, any withheld count that no longer
 * needs to be is shown again. Counts marked fixed (totals published the same
 * way on other tables) are never withheld, only suppressed when they are themselves small.
 *
 * <p>"Worked out" means by linear equations: a suppressed count is exposed exactly when every solution of the
 * published sums gives it the same value. That is checked by row-reducing the sums over the hidden counts.
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

    /** The counts shown as "fewer than" whose value every solution of the published sums agrees on. */
    List<Integer> exposed(Shown[] shown) {
        int n = values.size();
        int[] column = new int[n];
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            column[i] = -1;
            if (shown[i] != Shown.NUMBER) {
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
        for (int c = 0; c < cols; c++)
            if (determined[c] && shown[hidden.get(c)] == Shown.FEWER_THAN) out.add(hidden.get(c));
        return out;
    }
}
