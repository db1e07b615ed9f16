package dev.strata.sampler.oracle;

import java.util.Arrays;

/**
 * How well samples match an exact posterior, per pixel then averaged:
 * meanErr = RMS over pixels of (sample mean - exact mean) / exact std; stdErr = RMS of (sample std / exact std - 1);
 * coverage90 = share of exact-posterior draws inside the samples' pixelwise 5 %-95 % interval.
 * Pixels whose exact std is 0 (a pixel every training example shares, say) are left out of meanErr and stdErr.
 */
public record PosteriorMetrics(double meanErr, double stdErr, double coverage90) {

    /**
     * @param samples      sampler output, [n, d]
     * @param exact        the exact posterior
     * @param exactDraws   independent exact draws, [m, d]
     */
    public static PosteriorMetrics compare(float[] samples, int n, PosteriorOracle exact, float[] exactDraws, int m) {
        int d = exact.size();
        double[] mu = exact.mean();
        double[] sd = exact.std();
        double me = 0;
        double se = 0;
        int used = 0;
        for (int i = 0; i < d; i++) {
            double s = 0;
            double s2 = 0;
            for (int b = 0; b < n; b++) {
                double v = samples[b * d + i];
                s += v;
                s2 += v * v;
            }
            double mean = s / n;
            double var = Math.max(0, (s2 - n * mean * mean) / (n - 1));
            if (sd[i] > 0) {
                me += Math.pow((mean - mu[i]) / sd[i], 2);
                se += Math.pow(Math.sqrt(var) / sd[i] - 1, 2);
                used++;
            }
        }
        double cover90 = coverages(samples, n, exactDraws, m, d, new double[] {0.05})[0];
        return new PosteriorMetrics(Math.sqrt(me / Math.max(1, used)), Math.sqrt(se / Math.max(1, used)), cover90);
    }

    /**
     * Tails of the central credible intervals that {@link #coverages} reports: the interval of tail t runs from the
     * t to the 1 - t quantile, nominal level 1 - 2t (50, 80, 90 and 95 %).
     */
    public static final double[] CALIBRATION_TAILS = {0.25, 0.1, 0.05, 0.025};

    /**
     * Calibration of the samples' pixelwise central credible intervals: for each tail t, the share of exact-posterior
     * draws inside the samples' t .. 1 - t quantile interval, averaged over pixels. A calibrated sampler gives the
     * nominal 1 - 2t at every level (coverage90 of {@link #compare} is t = 0.05).
     *
     * @param samples    sampler output, [n, d]
     * @param exactDraws independent exact draws, [m, d]
     */
    public static double[] coverages(float[] samples, int n, float[] exactDraws, int m, int d, double[] tails) {
        double[] cover = new double[tails.length];
        float[] column = new float[n];
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < n; b++) {
                column[b] = samples[b * d + i];
            }
            Arrays.sort(column);
            for (int l = 0; l < tails.length; l++) {
                cover[l] += insideShare(column, exactDraws, m, d, i, tails[l]);
            }
        }
        for (int l = 0; l < tails.length; l++) {
            cover[l] /= d;
        }
        return cover;
    }

    /** Share of the exact draws' pixel {@code i} inside the {@code tail} .. 1 - tail quantiles of the sorted column. */
    private static double insideShare(float[] sorted, float[] exactDraws, int m, int d, int i, double tail) {
        double lo = quantile(sorted, tail);
        double hi = quantile(sorted, 1 - tail);
        int inside = 0;
        for (int b = 0; b < m; b++) {
            float v = exactDraws[b * d + i];
            if (v >= lo && v <= hi) {
                inside++;
            }
        }
        return (double) inside / m;
    }

    /** As {@link #compare(float[], int, PosteriorOracle, float[], int)} with {@code m} fresh exact draws of {@code seed}. */
    public static PosteriorMetrics compare(float[] samples, int n, PosteriorOracle exact, int m, long seed) {
        return compare(samples, n, exact, exact.sample(m, seed), m);
    }

    /**
     * The MMSE gap of a sampler (after Zach et al., ICLR 2026): the squared error of its posterior mean against the
     * exact one, relative to the exact posterior variance, sum_i (mean_i - mu_i)^2 / sum_i sd_i^2. An exact sampler
     * with n independent draws scores ~ 1 / n (plus the reference's own Monte Carlo error).
     *
     * @param samples sampler output, [n, d]
     */
    public static double mmseGap(float[] samples, int n, PosteriorOracle exact) {
        int d = exact.size();
        double[] mu = exact.mean();
        double[] sd = exact.std();
        double err = 0;
        double var = 0;
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += samples[b * d + i];
            }
            err += Math.pow(s / n - mu[i], 2);
            var += sd[i] * sd[i];
        }
        return err / var;
    }

    private static double quantile(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
