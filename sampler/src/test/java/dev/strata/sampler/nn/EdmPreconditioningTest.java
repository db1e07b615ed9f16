package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EdmPreconditioningTest {
    private final EdmPreconditioning pre = new EdmPreconditioning(0.7);

    @Test
    void networkInputAndTrainingTargetHaveUnitVariance() {
        double sd = pre.sigmaData();
        for (double sigma : new double[] {0.002, 0.1, 0.7, 3, 80}) {
            // Var(c_in x) = c_in^2 (sd^2 + sigma^2) = 1
            assertEquals(1, Math.pow(pre.cIn(sigma), 2) * (sd * sd + sigma * sigma), 1e-12, "c_in at " + sigma);
            // Var((x0 - c_skip x) / c_out) = ((1 - c_skip)^2 sd^2 + c_skip^2 sigma^2) / c_out^2 = 1
            double cs = pre.cSkip(sigma);
            double target = ((1 - cs) * (1 - cs) * sd * sd + cs * cs * sigma * sigma) / Math.pow(pre.cOut(sigma), 2);
            assertEquals(1, target, 1e-9, "target variance at " + sigma);
        }
    }

    @Test
    void skipIsHalfAtSigmaDataAndNoiseIsQuarterLog() {
        assertEquals(0.5, pre.cSkip(0.7), 1e-15);
        assertEquals(Math.log(3) / 4, pre.cNoise(3), 1e-15);
    }

    @Test
    void nonPositiveSigmaDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new EdmPreconditioning(0));
    }
}
