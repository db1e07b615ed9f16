package dev.strata.sampler.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each system of the batch solved to its own tolerance, and the ones the iteration cap stops counted as truncated. */
class BatchedConjugateGradientTest {
    /** Two systems of size 4: diag(1, 2, 3, 4) and diag(1, 10, 100, 1000), applied together. */
    private static double[] apply(double[] v) {
        double[] out = new double[8];
        for (int j = 0; j < 4; j++) {
            out[j] = (j + 1) * v[j];
            out[4 + j] = Math.pow(10, j) * v[4 + j];
        }
        return out;
    }

    @Test
    void solvesEachSystemAndCountsThoseStoppedAtTheCap() {
        double[] rhs = {1, 1, 1, 1, 1, 1, 1, 1};
        BatchedConjugateGradient.Solution full = BatchedConjugateGradient.solve(
                BatchedConjugateGradientTest::apply, rhs, 2, 4, 1e-10, 10);
        assertEquals(0, full.truncated());
        for (int j = 0; j < 4; j++) { // four distinct eigenvalues: exact in four steps
            assertEquals(1.0 / (j + 1), full.w()[j], 1e-9);
            assertEquals(Math.pow(10, -j), full.w()[4 + j], 1e-9);
        }
        // two iterations solve neither system with four distinct eigenvalues to 1e-10
        assertEquals(2, BatchedConjugateGradient.solve(BatchedConjugateGradientTest::apply, rhs, 2, 4, 1e-10, 2)
                .truncated());
        // a system whose right-hand side excites one eigenvalue converges in one step; the other is cut short
        double[] one = {0, 0, 1, 0, 1, 1, 1, 1};
        assertEquals(1, BatchedConjugateGradient.solve(BatchedConjugateGradientTest::apply, one, 2, 4, 1e-10, 2)
                .truncated());
    }
}
