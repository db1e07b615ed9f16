package dev.strata.kernels.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ReferenceWaves;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import org.junit.jupiter.api.Test;

/** The sponge step's physics against the plain description of wave.c. */
class AcousticKernelsTest {

    /**
     * The classic two-pass form of wave.c's sponge: p_next = 2p - p_prev + vc lap; then p_next *= d (stored as 0
     * below 2^-100) and p *= d. The per-point body folds both passes into one sweep with the same roundings, so the
     * fields agree bitwise.
     */
    @Test
    void foldedSpongeStepEqualsTwoPassReference() {
        int n = 70;
        int steps = 45;
        float[] fast = ReferenceWaves.serialReference(n, steps);
        assertArrayEquals(twoPassReference(n, steps, true), fast);
    }

    /**
     * Ahead of its front a wave leaves values far below any that matter, subnormal floats among them; the steps store
     * none below 2^-100, on one thread or two, scalar or on vectors, where the unflushed reference holds them.
     */
    @Test
    void stepsStoreNoValueBelowTheFlushThreshold() {
        int n = 120;
        int steps = 80;
        assertTrue(tinyValues(twoPassReference(n, steps, false)) > 1000, "the unflushed reference has few tiny values");
        assertEquals(0, tinyValues(ReferenceWaves.serialReference(n, steps)));
        try (JvmBackend vectors = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            assertEquals(0, tinyValues(new ReferenceWaveProblem(n, steps).run(vectors)));
        }
    }

    /** The imaging conditions' product: a b where that is a normal float (or 0, or large), else 0. */
    @Test
    void normalProductIsTheProductOrZeroWhereThatWouldBeSubnormal() {
        assertEquals(-3.0f, AcousticKernels.normalProduct(1.5f, -2.0f));
        assertEquals(0x1p-126f, AcousticKernels.normalProduct(0x1p-63f, 0x1p-63f), "the smallest normal float stays");
        assertEquals(0.0f, AcousticKernels.normalProduct(0x1p-60f, 0x1p-67f), "2^-127 is subnormal");
        assertEquals(0.0f, AcousticKernels.normalProduct(0x1p-100f, 0x1p-30f));
        assertEquals(0x1p-70f, AcousticKernels.normalProduct(0x1p-100f, 0x1p30f), "a large b: |b| 2^100 overflows");
        assertEquals(0.0f, AcousticKernels.normalProduct(0.0f, 1e30f));
        assertTrue(Float.isNaN(AcousticKernels.normalProduct(Float.NaN, 1.0f)));
    }

    /** How many values v of p have 0 < |v| < 2^-100. */
    private static int tinyValues(float[] p) {
        int tiny = 0;
        for (float v : p) {
            if (v != 0f && Math.abs(v) < 0x1p-100f) {
                tiny++;
            }
        }
        return tiny;
    }

    @Test
    void sourceFiresAndWaveSpreads() {
        float[] p = ReferenceWaves.serialReference(80, 90);
        int nonZero = 0;
        for (float v : p) {
            if (v != 0f) {
                nonZero++;
            }
        }
        assertTrue(nonZero > 400, "only " + nonZero + " points moved");
    }

    /** Straight from the description in wave.c, {@code flush}ing below 2^-100 or not: no kernels, no backend. */
    private static float[] twoPassReference(int n, int steps, boolean flush) {
        double h = 10.0;
        double dt = 1e-3;
        double f0 = 15.0;
        float[] vc = new float[n * n];
        for (int iz = 0; iz < n; iz++) {
            double v = iz < n / 2 ? 1500.0 : 2500.0;
            for (int ix = 0; ix < n; ix++) {
                vc[iz * n + ix] = (float) ((v * dt / h) * (v * dt / h));
            }
        }
        float[] d = CerjanSponge.profile(n, 20, 0.015);
        float[] prev = new float[n * n];
        float[] cur = new float[n * n];
        int src = (n / 4) * n + n / 2;
        for (int it = 0; it < steps; it++) {
            float[] next = new float[n * n];
            for (int iz = 4; iz < n - 4; iz++) {
                for (int ix = 4; ix < n - 4; ix++) {
                    int i = iz * n + ix;
                    next[i] = 2.0f * cur[i] - prev[i] + vc[i] * AcousticKernels.laplacian8(cur, i, n);
                }
            }
            for (int iz = 0; iz < n; iz++) {
                for (int ix = 0; ix < n; ix++) {
                    int i = iz * n + ix;
                    float dd = d[iz] * d[ix];
                    next[i] = dd * next[i];
                    if (flush && Math.abs(next[i]) < 0x1p-100f) {
                        next[i] = 0f;
                    }
                    cur[i] = dd * cur[i];
                }
            }
            double tau = Math.PI * f0 * (it * dt - 1.2 / f0);
            next[src] += vc[src] * (float) ((1.0 - 2.0 * tau * tau) * Math.exp(-tau * tau));
            prev = cur;
            cur = next;
        }
        return cur;
    }
}
