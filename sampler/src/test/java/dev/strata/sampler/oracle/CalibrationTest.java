package dev.strata.sampler.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calibration of credible intervals: samples from the right law cover each nominal level, within the Monte Carlo
 * error of n samples and m exact draws; samples too narrow by a factor 0.7 fall short at every level.
 */
class CalibrationTest {
    private static final int D = 20;

    private static float[] draws(int n, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (scale * r.nextGaussian());
        }
        return x;
    }

    @Test
    void exactSamplesCoverEachLevelAndNarrowOnesFallShort() {
        int n = 4000;
        int m = 4000;
        float[] exact = draws(m, 1.0, 1);
        double[] tails = PosteriorMetrics.CALIBRATION_TAILS;
        double[] right = PosteriorMetrics.coverages(draws(n, 1.0, 2), n, exact, m, D, tails);
        double[] narrow = PosteriorMetrics.coverages(draws(n, 0.7, 3), n, exact, m, D, tails);
        for (int l = 0; l < tails.length; l++) {
            double p = 1 - 2 * tails[l];
            // per pixel the share has std sqrt(p (1-p) / m) plus the samples' quantile error; 20 pixels average them
            assertEquals(p, right[l], 0.02, "level " + p);
            assertTrue(narrow[l] < p - 0.05, "level " + p + ": narrow samples covered " + narrow[l]);
        }
        assertEquals(4, tails.length);
    }
}
