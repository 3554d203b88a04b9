package org.involve.core.payments;

/**
 * Money is whole pence in a {@code long}; nothing here uses floating point. The only place a fraction of a penny can
 * arise is a rate applied to part of a unit (a mile claimed to a tenth), and the rule for it is stated once, here: the
 * exact amount is worked out first and then rounded to the nearest penny, a half penny rounding up (4.5p is 5p).
 * Rounding happens once per line of a claim, never on a running total.
 */
public final class Pence {
    private Pence() {}

    /**
     * {@code units × pencePerWhole ÷ unitsPerWhole}, rounded to the nearest penny, half a penny up.
     *
     * @param units         how many parts (tenths of a mile), not negative
     * @param pencePerWhole the rate for a whole (pence a mile), not negative
     * @param unitsPerWhole how many parts make a whole (10 tenths a mile), positive
     */
    public static long share(long units, long pencePerWhole, long unitsPerWhole) {
        if (units < 0 || pencePerWhole < 0 || unitsPerWhole <= 0)
            throw new IllegalArgumentException("Amounts of money are never negative");
        long exact = Math.multiplyExact(units, pencePerWhole);
        return exact / unitsPerWhole + (2 * (exact % unitsPerWhole) >= unitsPerWhole ? 1 : 0);
    }
}
