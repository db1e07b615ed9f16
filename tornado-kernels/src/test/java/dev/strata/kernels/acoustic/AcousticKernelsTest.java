package dev.strata.kernels.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ReferenceWaves;
import org.junit.jupiter.api.Test;

/** The sponge step's physics against the plain description of wave.c. */
class AcousticKernelsTest {

    /**
     * The classic two-pass form of wave.c's sponge: p_next = 2p - p_prev + vc lap; then p_next *= d and p *= d.
     * The per-point body folds both passes into one sweep with the same roundings, so the fields agree bitwise.
     */
    @Test
    void foldedSpongeStepEqualsTwoPassReference() {
        int n = 70;
        int steps = 45;
        float[] fast = ReferenceWaves.serialReference(n, steps);
        assertArrayEquals(twoPassReference(n, steps), fast);
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

    /** Straight from the description in wave.c: no kernels, no backend. */
    private static float[] twoPassReference(int n, int steps) {
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
