package dev.strata.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepArithmeticTest {

    @Test
    void extrapolateIsEulerStepPlusExtraTerm() {
        int n = 40_000; // more than one parallel block
        float[] x = new Gaussian(1).array(n, 1);
        float[] x0 = new Gaussian(2).array(n, 1);
        float[] dx = new Gaussian(3).array(n, 1);
        float[] x0Copy = x0.clone();
        float[] out = StepArithmetic.extrapolate(x, x0, -0.25, dx);
        for (int k = 0; k < n; k++) {
            assertEquals(x[k] - 0.25 * (x[k] - x0[k]) + dx[k], out[k], 1e-5);
        }
        assertArrayEquals(x0Copy, x0, "inputs must not be modified");
        float[] noExtra = StepArithmetic.extrapolate(x, x0, -1, null);
        assertArrayEquals(x0, noExtra, 1e-6f);
    }

    @Test
    void heunAveragesTheTwoSlopes() {
        float[] x = {1f, 2f};
        float[] x0 = {0.5f, 1f};
        float[] pred = {0.8f, 1.5f};
        float[] x0p = {0.4f, 1.1f};
        float[] out = StepArithmetic.heun(x, x0, -0.1, pred, x0p, -0.2, new float[] {0.01f, 0f});
        assertEquals(1 - 0.1 * 0.5 - 0.2 * 0.4 + 0.01, out[0], 1e-6);
        assertEquals(2 - 0.1 * 1 - 0.2 * 0.4, out[1], 1e-6);
    }

    @Test
    void combineAndAddScaledAreLinear() {
        float[] a = {1f, -1f};
        float[] b = {2f, 3f};
        assertArrayEquals(new float[] {2f * 1 + 0.5f * 2, -2f + 1.5f}, StepArithmetic.combine(2, a, 0.5, b, 0, null));
        StepArithmetic.addScaled(a, 2, b);
        assertArrayEquals(new float[] {5f, 5f}, a);
        assertThrows(IllegalArgumentException.class, () -> StepArithmetic.extrapolate(a, new float[3], 1, null));
    }
}
