package dev.strata.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepArithmeticTest {

    @Test
    void combineAndAddScaledAreLinear() {
        float[] a = {1f, -1f};
        float[] b = {2f, 3f};
        assertArrayEquals(new float[] {2f * 1 + 0.5f * 2, -2f + 1.5f}, StepArithmetic.combine(2, a, 0.5, b, 0, null));
        StepArithmetic.addScaled(a, 2, b);
        assertArrayEquals(new float[] {5f, 5f}, a);
        assertThrows(IllegalArgumentException.class, () -> StepArithmetic.combine(1, a, 1, new float[3], 0, null));
    }
}
