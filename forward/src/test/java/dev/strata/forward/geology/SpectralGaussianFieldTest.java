package dev.strata.forward.geology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpectralGaussianFieldTest {
    private static final SectionGrid GRID = new SectionGrid(64, 64, 1.0, 2.0);
    private static final double LENGTH_Z = 2.0;
    private static final double LENGTH_X = 10.0;
    private static final int FIELDS = 40;
    /** Relative tolerance on the practical range, averaged over {@value #FIELDS} fields. */
    private static final double RANGE_TOLERANCE = 0.2;

    /** The check the statistics are held to: both practical ranges within 20 % of the configured ones. */
    static boolean rangesMatch(ChannelStatistics s, Covariance covariance, double lengthZ, double lengthX) {
        double r = covariance.practicalRange();
        return Math.abs(s.rangeZ() / (r * lengthZ) - 1) <= RANGE_TOLERANCE
                && Math.abs(s.rangeX() / (r * lengthX) - 1) <= RANGE_TOLERANCE;
    }

    @ParameterizedTest
    @EnumSource(Covariance.class)
    void variogramRangesMatchTheCovarianceAndShufflingDestroysThem(Covariance covariance) {
        StandardFieldModel model = new StandardFieldModel(GRID,
                new SpectralGaussianField(covariance, LENGTH_Z, LENGTH_X, 256));
        ChannelStatistics s = statistics(model, 7);
        assertTrue(rangesMatch(s, covariance, LENGTH_Z, LENGTH_X), covariance + ": ranges " + s.rangeZ() + ", "
                + s.rangeX() + " m, expected " + covariance.practicalRange() * LENGTH_Z + ", "
                + covariance.practicalRange() * LENGTH_X);
        assertEquals(0, s.mean(), 0.15, "mean");
        assertEquals(1, s.std(), 0.15, "std");

        ChannelStatistics shuffled = statistics(new Shuffled(model), 7);
        assertFalse(rangesMatch(shuffled, covariance, LENGTH_Z, LENGTH_X), "shuffled ranges " + shuffled.rangeZ()
                + ", " + shuffled.rangeX());
        assertTrue(shuffled.rangeZ() <= GRID.dz() && shuffled.rangeX() <= GRID.dx(),
                "a shuffled field decorrelates within one cell");
    }

    @Test
    void wrongLengthFailsTheRangeCheck() {
        StandardFieldModel model = new StandardFieldModel(GRID,
                new SpectralGaussianField(Covariance.SQUARED_EXPONENTIAL, LENGTH_Z, LENGTH_X, 256));
        ChannelStatistics s = statistics(model, 8);
        assertFalse(rangesMatch(s, Covariance.SQUARED_EXPONENTIAL, 1.5 * LENGTH_Z, LENGTH_X));
        assertFalse(rangesMatch(s, Covariance.EXPONENTIAL, LENGTH_Z, 0.6 * LENGTH_X));
    }

    @Test
    void practicalRangesAreTheKnownOnes() {
        assertEquals(Math.sqrt(2 * Math.log(20)), Covariance.SQUARED_EXPONENTIAL.practicalRange(), 1e-9);
        assertEquals(Math.log(20), Covariance.EXPONENTIAL.practicalRange(), 1e-9);
        for (Covariance c : Covariance.values()) {
            assertEquals(0.05, c.correlation(c.practicalRange()), 1e-9, c.name());
            assertEquals(1, c.correlation(0), 0, c.name());
        }
    }

    @Test
    void sameSeedSameFieldBitForBit() {
        SpectralGaussianField f = new SpectralGaussianField(Covariance.MATERN_3_2, 3, 7, 64);
        float[] a = f.sample(GRID, new SplittableRandom(11));
        assertArrayEquals(a, f.sample(GRID, new SplittableRandom(11)));
        assertFalse(Arrays.equals(a, f.sample(GRID, new SplittableRandom(12))));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SpectralGaussianField(null, 1, 1, 8));
        assertThrows(IllegalArgumentException.class,
                () -> new SpectralGaussianField(Covariance.EXPONENTIAL, 0, 1, 8));
        assertThrows(IllegalArgumentException.class,
                () -> new SpectralGaussianField(Covariance.EXPONENTIAL, 1, 1, 0));
    }

    private static ChannelStatistics statistics(ModelGenerator model, long seed) {
        float[] fields = model.samples(new SplittableRandom(seed), FIELDS);
        return model.statistics(fields, FIELDS).channels().getFirst();
    }
}
