package dev.strata.sampler.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The KSD tells samples of the target from samples of a neighbour, given only the target's score: draws of N(0, I)
 * against the score -x score low, and the same draws shifted by 0.5 or scaled by 1.5 score clearly higher.
 */
class KernelSteinDiscrepancyTest {
    private static final int N = 200;
    private static final int D = 10;

    private static float[] gaussian(double shift, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[N * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (shift + scale * r.nextGaussian());
        }
        return x;
    }

    /** Score of N(0, I): -x. */
    private static float[] score(float[] x) {
        float[] s = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = -x[i];
        }
        return s;
    }

    @Test
    void targetSamplesScoreLowerThanShiftedOrWidenedOnes() {
        float[] right = gaussian(0, 1, 1);
        float[] shifted = gaussian(0.5, 1, 2);
        float[] wide = gaussian(0, 1.5, 3);
        double kRight = KernelSteinDiscrepancy.of(right, score(right), N, D);
        double kShifted = KernelSteinDiscrepancy.of(shifted, score(shifted), N, D);
        double kWide = KernelSteinDiscrepancy.of(wide, score(wide), N, D);
        assertTrue(kShifted > 2 * kRight, "shifted " + kShifted + " vs target " + kRight);
        assertTrue(kWide > 2 * kRight, "widened " + kWide + " vs target " + kRight);
        // the right samples judged against a wrong score (the target shifted) score high too
        float[] wrongScore = score(right);
        for (int i = 0; i < wrongScore.length; i++) {
            wrongScore[i] += 0.5f;
        }
        assertTrue(KernelSteinDiscrepancy.of(right, wrongScore, N, D) > 2 * kRight);
    }
}
