package org.involve.benchmark;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles (nearest rank) of samples. */
final class Stats {
    private Stats() {}

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** The smallest sample that at least {@code percent}% of the samples are less than or equal to. */
    static double percentile(long[] samples, double percent) {
        if (samples.length == 0) return Double.NaN;
        long[] v = samples.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(percent / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
