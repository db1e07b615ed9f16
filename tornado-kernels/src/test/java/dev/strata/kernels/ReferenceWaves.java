package dev.strata.kernels;

import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;

/** Test helpers: the serial reference run and field comparisons. */
public final class ReferenceWaves {
    private ReferenceWaves() {
    }

    /** The reference problem run by the per-point bodies on one thread, no Vector API. */
    public static float[] serialReference(int n, int steps) {
        try (JvmBackend serial = new JvmBackend(new JvmConfig(1, false, 1))) {
            return new ReferenceWaveProblem(n, steps).run(serial).clone();
        }
    }

    /** ||a - b|| / ||b|| in double. */
    public static double relativeL2(float[] a, float[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            num += d * d;
            den += (double) b[i] * b[i];
        }
        return Math.sqrt(num / Math.max(den, Double.MIN_NORMAL));
    }

}
