package dev.strata.cli.experiment;

import dev.strata.sampler.latent.InversionTrace;
import java.util.Arrays;

/**
 * Posterior samples of a field summarised against the truth: mean, standard deviation, the relative L2 error of the
 * mean, and the coverage of the truth, the share of cells whose true value lies inside the samples' central 90 %
 * interval (empirical 5 % and 95 % quantiles).
 *
 * @param mean       per cell
 * @param std        per cell (n - 1 in the denominator)
 * @param meanError  ||mean - truth|| / ||truth||
 * @param coverage90 share of cells covered
 * @param meanStd    the spread, averaged over cells
 */
record PosteriorView(float[] mean, float[] std, double meanError, double coverage90, double meanStd) {

    static PosteriorView of(float[] samples, int n, float[] truth) {
        int cells = truth.length;
        float[] mean = new float[cells];
        float[] std = new float[cells];
        double spread = 0;
        int covered = 0;
        float[] column = new float[n];
        for (int c = 0; c < cells; c++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                column[b] = samples[b * cells + c];
                s += column[b];
            }
            double m = s / n;
            double q = 0;
            for (float v : column) {
                q += (v - m) * (v - m);
            }
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(q / (n - 1));
            spread += std[c];
            Arrays.sort(column);
            double lo = quantile(column, 0.05);
            double hi = quantile(column, 0.95);
            if (truth[c] >= lo && truth[c] <= hi) {
                covered++;
            }
        }
        return new PosteriorView(mean, std, InversionTrace.relativeError(mean, 0, truth), (double) covered / cells,
                spread / cells);
    }

    /** Linear interpolation between order statistics of sorted {@code v}. */
    private static double quantile(float[] v, double p) {
        double at = p * (v.length - 1);
        int i = (int) Math.floor(at);
        int j = Math.min(v.length - 1, i + 1);
        return v[i] + (at - i) * (v[j] - v[i]);
    }
}
