package dev.strata.sampler.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WassersteinDistanceTest {

    @Test
    void aShiftMovesEveryUnitOfMassByTheShift() {
        assertEquals(1.0, WassersteinDistance.between(new double[] {0, 1, 2}, new double[] {3, 1, 2}), 1e-15);
    }

    @Test
    void handComputedCaseOfUnequalSizes() {
        // F_P = 1/2 on [0, 1), F_Q = 0 on [0, 0.5) and 1 on [0.5, 1): |F_P - F_Q| = 1/2 on [0, 1) -> 1/2
        assertEquals(0.5, WassersteinDistance.between(new double[] {0, 1}, new double[] {0.5}), 1e-15);
        // P = {0, 0, 1}, Q = {0, 1, 1}: |2/3 - 1/3| on [0, 1) -> 1/3
        assertEquals(1.0 / 3, WassersteinDistance.between(new double[] {0, 0, 1}, new double[] {1, 0, 1}), 1e-15);
        // P = {0, 4}, Q = {1, 2, 3}: |F_P - F_Q| = 1/2, 1/6, 1/6, 1/2 on the four unit intervals -> 4/3
        assertEquals(4.0 / 3, WassersteinDistance.between(new double[] {4, 0}, new double[] {2, 1, 3}), 1e-15);
    }

    @Test
    void isSymmetricZeroOnItselfAndLeavesTheInputsAlone() {
        double[] a = {3, -1, 2.5, 7};
        double[] b = {0.5, 9};
        assertEquals(WassersteinDistance.between(a, b), WassersteinDistance.between(b, a), 1e-15);
        assertEquals(0.0, WassersteinDistance.between(a, a.clone()));
        assertEquals(3.0, a[0]);
    }

    @Test
    void refusesAnEmptySide() {
        assertThrows(IllegalArgumentException.class, () -> WassersteinDistance.between(new double[0],
                new double[] {1}));
    }
}
