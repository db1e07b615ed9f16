package dev.strata.sampler.oracle;

import java.util.Arrays;

/**
 * How well samples match an exact posterior, per pixel then averaged:
 * meanErr = RMS over pixels of (sample mean - exact mean) / exact std; stdErr = RMS of (sample std / exact std - 1);
 * coverage90 = share of exact-posterior draws inside the samples' pixelwise 5 %-95 % interval.
 */
public record PosteriorMetrics(double meanErr, double stdErr, double coverage90) {

    /**
     * @param samples      sampler output, [n, d]
     * @param exact        the exact posterior
     * @param exactDraws   independent exact draws, [m, d]
     */
    public static PosteriorMetrics compare(float[] samples, int n, DenseGaussian exact, float[] exactDraws, int m) {
        int d = exact.size();
        double[] mu = exact.mean();
        double[] sd = exact.std();
        double me = 0;
        double se = 0;
        double cover = 0;
        float[] column = new float[n];
        for (int i = 0; i < d; i++) {
            double s = 0;
            double s2 = 0;
            for (int b = 0; b < n; b++) {
                double v = samples[b * d + i];
                column[b] = (float) v;
                s += v;
                s2 += v * v;
            }
            double mean = s / n;
            double var = Math.max(0, (s2 - n * mean * mean) / (n - 1));
            me += Math.pow((mean - mu[i]) / sd[i], 2);
            se += Math.pow(Math.sqrt(var) / sd[i] - 1, 2);
            Arrays.sort(column);
            double lo = quantile(column, 0.05);
            double hi = quantile(column, 0.95);
            int inside = 0;
            for (int b = 0; b < m; b++) {
                float v = exactDraws[b * d + i];
                if (v >= lo && v <= hi) {
                    inside++;
                }
            }
            cover += (double) inside / m;
        }
        return new PosteriorMetrics(Math.sqrt(me / d), Math.sqrt(se / d), cover / d);
    }

    private static double quantile(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
