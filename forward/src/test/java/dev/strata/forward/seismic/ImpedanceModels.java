package dev.strata.forward.seismic;

import java.util.SplittableRandom;

/** Random two-channel models for the seismic tests: facies 0 / 1 in channel 0, Ip uniform in 4000 .. 8000 in 1. */
final class ImpedanceModels {
    private ImpedanceModels() {
    }

    /** {@code n} models {@code [2][nz][nx]}, drawn point by point (facies, then Ip). */
    static float[] random(SplittableRandom random, int n, int nz, int nx) {
        int plane = nz * nx;
        float[] x = new float[n * 2 * plane];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < plane; i++) {
                x[2 * b * plane + i] = random.nextBoolean() ? 1 : 0;
                x[(2 * b + 1) * plane + i] = (float) (4000 + 4000 * random.nextDouble());
            }
        }
        return x;
    }
}
