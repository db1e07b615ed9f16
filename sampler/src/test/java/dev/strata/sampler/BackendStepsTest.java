package dev.strata.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.kernels.jvm.JvmBackend;
import org.junit.jupiter.api.Test;

/** The sampler's update kernels on the default (shared JVM) backend compute the EDM Euler and Heun formulas. */
class BackendStepsTest {

    @Test
    void extrapolateIsEulerStepPlusExtraTerm() {
        int n = 40_000;
        float[] x = new Gaussian(1).array(n, 1);
        float[] x0 = new Gaussian(2).array(n, 1);
        float[] dx = new Gaussian(3).array(n, 1);
        float[] x0Copy = x0.clone();
        try (BackendSteps steps = new BackendSteps(JvmBackend.common(), n)) {
            float[] out = steps.extrapolate(x, x0, -0.25, dx);
            for (int k = 0; k < n; k++) {
                assertEquals(x[k] - 0.25 * (x[k] - x0[k]) + dx[k], out[k], 1e-5);
            }
            assertArrayEquals(x0Copy, x0, "inputs must not be modified");
            assertArrayEquals(x0, steps.extrapolate(x, x0, -1, null), 1e-6f);
            float[] into = new float[n];
            assertSame(into, steps.extrapolate(x, x0, -0.25, dx, into), "the update lands in the array given");
            assertArrayEquals(out, into, "and equals the allocating form");
        }
    }

    @Test
    void heunAveragesTheTwoSlopes() {
        try (BackendSteps steps = new BackendSteps(JvmBackend.common(), 2)) {
            float[] out = steps.heun(new float[] {1f, 2f}, new float[] {0.5f, 1f}, -0.1, new float[] {0.8f, 1.5f},
                    new float[] {0.4f, 1.1f}, -0.2, new float[] {0.01f, 0f});
            assertEquals(1 - 0.1 * 0.5 - 0.2 * 0.4 + 0.01, out[0], 1e-6);
            assertEquals(2 - 0.1 * 1 - 0.2 * 0.4, out[1], 1e-6);
            assertThrows(IllegalArgumentException.class, () -> steps.extrapolate(new float[3], new float[3], 1, null));
        }
    }
}
