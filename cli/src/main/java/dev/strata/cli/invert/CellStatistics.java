package dev.strata.cli.invert;

import java.util.Arrays;

/**
 * Per-cell statistics of n samples {@code [n][size]}: the mean, the standard deviation (n - 1 in the denominator, 0
 * for one sample) and the 5, 50 and 95 % quantiles, linear between order statistics (numpy's default). Computed in
 * double, stored as float.
 */
public record CellStatistics(float[] mean, float[] std, float[] q05, float[] q50, float[] q95) {

    public static CellStatistics of(float[] samples, int n) {
        int size = samples.length / n;
        float[] mean = new float[size];
        float[] std = new float[size];
        float[] q05 = new float[size];
        float[] q50 = new float[size];
        float[] q95 = new float[size];
        double[] column = new double[n];
        for (int i = 0; i < size; i++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                column[b] = samples[b * size + i];
                s += column[b];
            }
            double mu = s / n;
            double ss = 0;
            for (int b = 0; b < n; b++) {
                ss += (column[b] - mu) * (column[b] - mu);
            }
            mean[i] = (float) mu;
            std[i] = n > 1 ? (float) Math.sqrt(ss / (n - 1)) : 0;
            Arrays.sort(column);
            q05[i] = (float) quantile(column, 0.05);
            q50[i] = (float) quantile(column, 0.50);
            q95[i] = (float) quantile(column, 0.95);
        }
        return new CellStatistics(mean, std, q05, q50, q95);
    }

    /** The standard deviation averaged over all cells. */
    public double meanStd() {
        double s = 0;
        for (float v : std) {
            s += v;
        }
        return s / std.length;
    }

    /** The share of cells in {@code [from, from + count)} whose true value lies inside [q05, q95]. */
    public double coverage90(float[] truth, int from, int count) {
        int inside = 0;
        for (int i = from; i < from + count; i++) {
            inside += truth[i] >= q05[i] && truth[i] <= q95[i] ? 1 : 0;
        }
        return inside / (double) count;
    }

    /** Quantile p of sorted values, linear between order statistics (numpy's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
