package dev.strata.sampler.mixture;

import dev.strata.forward.Shapes;
import java.util.Arrays;

/**
 * The memorization metric of seed 001 (Siahkoohi and Sabeddu, after Yoon et al. 2023): for each sample, the ratio
 * of its distance to the nearest training example to the mean distance to the next ones, d_1 / mean(d_2..d_K)
 * (K = 50 by default). A sample that copies a training example has a ratio near 0; the share of samples with
 * ratio below 0.5 measures memorization. Works on any samples and training set of one shape.
 *
 * @param ratios     d_1 / mean(d_2..d_K) per sample
 * @param threshold  the ratio below which a sample counts as memorized
 * @param share      share of samples with ratio below {@code threshold}
 */
public record MemorizationMetric(double[] ratios, double threshold, double share) {
    private static final int BLOCK = 64; // samples per distance pass

    /** With K = 50 neighbours and threshold 0.5, as in the paper. */
    public static MemorizationMetric of(float[] samples, int n, TrainingSet set) {
        return of(samples, n, set, 50, 0.5);
    }

    /**
     * @param samples    [n, size], not modified
     * @param neighbours K, at least 2 and at most the training-set size
     * @param threshold  e.g. 0.5
     */
    public static MemorizationMetric of(float[] samples, int n, TrainingSet set, int neighbours, double threshold) {
        Shapes.requireBatch("MemorizationMetric samples", samples, n, set.size());
        int count = set.count();
        if (neighbours < 2 || neighbours > count) {
            throw new IllegalArgumentException("neighbours must lie in 2.." + count + ", got " + neighbours);
        }
        double[] ratios = new double[n];
        int below = 0;
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int len = Math.min(BLOCK, n - b0);
            float[] block = Arrays.copyOfRange(samples, b0 * set.size(), (b0 + len) * set.size());
            double[] d2 = set.squaredDistances(block, len);
            for (int b = 0; b < len; b++) {
                double[] row = Arrays.copyOfRange(d2, b * count, (b + 1) * count);
                Arrays.sort(row);
                double rest = 0;
                for (int k = 1; k < neighbours; k++) {
                    rest += Math.sqrt(row[k]);
                }
                rest /= neighbours - 1;
                double r = rest > 0 ? Math.sqrt(row[0]) / rest : 0;
                ratios[b0 + b] = r;
                if (r < threshold) {
                    below++;
                }
            }
        }
        return new MemorizationMetric(ratios, threshold, (double) below / n);
    }
}
