package org.involve.core.payments;

/**
 * HMRC's approved mileage rates, in pence a mile: settings, not constants (HMRC can change them). A car or van is
 * paid {@code carOrVanPence} for the first {@code carOrVanThresholdMiles} business miles in a tax year and
 * {@code carOrVanAfterPence} after; a motorcycle and a bicycle have one rate each.
 */
public record MileageRates(
        int carOrVanPence,
        int carOrVanAfterPence,
        int carOrVanThresholdMiles,
        int motorcyclePence,
        int bicyclePence) {
    public MileageRates {
        if (carOrVanPence < 0
                || carOrVanAfterPence < 0
                || carOrVanThresholdMiles < 0
                || motorcyclePence < 0
                || bicyclePence < 0)
            throw new IllegalArgumentException("Mileage rates are never negative");
    }

    /** Tenths of a mile: miles are claimed to one decimal place. */
    public static final int TENTHS = 10;

    /**
     * What a journey of {@code tenths} tenths of a mile pays, when the partner has already claimed
     * {@code earlierTenthsThisTaxYear} by car or van in the same tax year (only a car or van counts toward the
     * threshold). The part of the journey below the threshold is paid at the higher rate, the rest at the lower, each
     * part rounded once by {@link Pence#share}.
     */
    public MileagePay pay(Vehicle vehicle, long tenths, long earlierTenthsThisTaxYear) {
        if (tenths < 0 || earlierTenthsThisTaxYear < 0)
            throw new IllegalArgumentException("Miles are never negative");
        return switch (vehicle) {
            case MOTORCYCLE -> MileagePay.single(tenths, motorcyclePence);
            case BICYCLE -> MileagePay.single(tenths, bicyclePence);
            case CAR_OR_VAN -> {
                long threshold = (long) carOrVanThresholdMiles * TENTHS;
                long higher = Math.max(0, Math.min(tenths, threshold - earlierTenthsThisTaxYear));
                long lower = tenths - higher;
                yield new MileagePay(
                        higher,
                        carOrVanPence,
                        lower,
                        carOrVanAfterPence,
                        Pence.share(higher, carOrVanPence, TENTHS)
                                + Pence.share(lower, carOrVanAfterPence, TENTHS));
            }
        };
    }

    /**
     * A journey split at the threshold: {@code higherTenths} at {@code higherPence} a mile and {@code lowerTenths} at
     * {@code lowerPence}, paying {@code pence} in all.
     */
    public record MileagePay(
            long higherTenths, int higherPence, long lowerTenths, int lowerPence, long pence) {
        static MileagePay single(long tenths, int pencePerMile) {
            return new MileagePay(
                    tenths, pencePerMile, 0, 0, Pence.share(tenths, pencePerMile, TENTHS));
        }

        public boolean crossesThreshold() {
            return higherTenths > 0 && lowerTenths > 0;
        }
    }
}
