package dev.strata.forward.darcy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianRandomFieldTest {

    private static final DarcyGrid GRID = new DarcyGrid(32, 32, 1.0);
    private static final double MEAN = 0.5;
    private static final double STD = 1.5;
    private static final double LENGTH = 4.0;
    private static final int FIELDS = 64;

    private final GaussianRandomField field = new GaussianRandomField(GRID, MEAN, STD, LENGTH, 128);

    @Test
    void theSameSeedGivesTheSameFieldAndAnotherSeedAnother() {
        float[] a = field.sample(new SplittableRandom(9));
        assertArrayEquals(a, field.sample(new SplittableRandom(9)));
        assertFalse(Arrays.equals(a, field.sample(new SplittableRandom(10))));
    }

    /**
     * Pooled over 64 fields (65536 cells; seeded): mean, variance and the correlation at lag l along x match
     * mean, std^2 and exp(-1/2). The bounds are about three times the spread seen over seeds.
     */
    @Test
    void pooledMeanVarianceAndCorrelationAtOneLengthMatchTheSquaredExponentialCovariance() {
        float[] m = field.samples(new SplittableRandom(2512), FIELDS);
        int nz = GRID.nz();
        int nx = GRID.nx();
        int lag = (int) LENGTH;
        double sum = 0;
        double sum2 = 0;
        double cross = 0;
        int pairs = 0;
        for (int b = 0; b < FIELDS; b++) {
            for (int z = 0; z < nz; z++) {
                for (int x = 0; x < nx; x++) {
                    double v = m[(b * nz + z) * nx + x] - MEAN;
                    sum += v;
                    sum2 += v * v;
                    if (x + lag < nx) {
                        cross += v * (m[(b * nz + z) * nx + x + lag] - MEAN);
                        pairs++;
                    }
                }
            }
        }
        int n = FIELDS * nz * nx;
        double variance = sum2 / n;
        assertEquals(0, sum / n, 0.15, "mean offset");
        assertEquals(1, variance / (STD * STD), 0.12, "variance / std^2");
        assertEquals(Math.exp(-0.5), cross / pairs / variance, 0.03, "correlation at lag l");
    }

    @Test
    void rejectsANonPositiveCorrelationLengthOrNoModes() {
        assertEquals("correlation length must be positive, got 0.0", assertThrowsIae(
                () -> new GaussianRandomField(GRID, 0, 1, 0, 8)));
        assertEquals("modes must be >= 1, got 0", assertThrowsIae(() -> new GaussianRandomField(GRID, 0, 1, 1, 0)));
    }

    static String assertThrowsIae(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
