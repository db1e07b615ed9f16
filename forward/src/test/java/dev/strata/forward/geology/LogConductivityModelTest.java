package dev.strata.forward.geology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.darcy.GaussianRandomField;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogConductivityModelTest {
    private static final int FIELDS = 160; // 40 leave +-25 % Monte-Carlo scatter on a 64 x 64 grid
    private static final double LENGTH = 40; // m, the factories' correlation length

    static boolean isotropicRangeMatches(ChannelStatistics s, Covariance covariance) {
        double expected = covariance.practicalRange() * LENGTH;
        return Math.abs(s.rangeZ() / expected - 1) <= 0.2 && Math.abs(s.rangeX() / expected - 1) <= 0.2;
    }

    @Test
    void gaussianFamilyReusesTheDarcyFieldAndHasItsRange() {
        LogConductivityModel m = LogConductivityModel.gaussian(LogConductivityModel.DEFAULT_GRID);
        assertTrue(m.field() instanceof GaussianRandomField);
        ChannelStatistics s = statistics(m, 1);
        assertTrue(isotropicRangeMatches(s, Covariance.SQUARED_EXPONENTIAL), s.toString());
        assertEquals(0, s.mean(), 0.15);
        assertEquals(1, s.std(), 0.15);
        assertFalse(isotropicRangeMatches(statistics(new Shuffled(m), 1, 20), Covariance.SQUARED_EXPONENTIAL));
    }

    @Test
    void spectralSquaredExponentialIsTheDarcyFieldUpToRounding() {
        var grid = LogConductivityModel.DEFAULT_GRID;
        float[] reused = LogConductivityModel.gaussian(grid).sample(new SplittableRandom(6));
        float[] spectral = LogConductivityModel.spectral(grid, Covariance.SQUARED_EXPONENTIAL)
                .sample(new SplittableRandom(6));
        for (int i = 0; i < reused.length; i++) {
            assertEquals(reused[i], spectral[i], 1e-4, "cell " + i);
        }
    }

    @Test
    void exponentialFamilyHasTheExponentialRange() {
        LogConductivityModel m = LogConductivityModel.spectral(LogConductivityModel.DEFAULT_GRID,
                Covariance.EXPONENTIAL);
        ChannelStatistics s = statistics(m, 2);
        assertTrue(isotropicRangeMatches(s, Covariance.EXPONENTIAL), s.toString());
        assertFalse(isotropicRangeMatches(s, Covariance.SQUARED_EXPONENTIAL), "the two covariances are told apart");
    }

    @Test
    void bimaterialFieldsAreTwoValuedHalfUpperAndLaterallyContinuous() {
        LogConductivityModel m = LogConductivityModel.bimaterial(LogConductivityModel.DEFAULT_GRID);
        float[] fields = m.samples(new SplittableRandom(3), FIELDS);
        long upper = 0;
        for (float v : fields) {
            assertTrue(v == 1f || v == -1f, "value " + v);
            upper += v == 1f ? 1 : 0;
        }
        assertEquals(0.5, (double) upper / fields.length, 0.05);
        ChannelStatistics s = m.statistics(fields, FIELDS).channels().getFirst();
        assertTrue(Double.isNaN(s.rangeX()) || s.rangeX() > 0.4 * m.grid().width(), s.toString());
        ChannelStatistics shuffled = statistics(new Shuffled(m), 3, 20);
        assertTrue(shuffled.rangeX() <= m.grid().dx(), shuffled.toString());
    }

    @Test
    void parametersNameTheFieldFamilyAndItsSettings() {
        Map<String, Object> p = LogConductivityModel.gaussian(LogConductivityModel.DEFAULT_GRID).parameters();
        assertEquals("LogConductivityModel", p.get("type"));
        assertEquals("GaussianRandomField", p.get("field.type"));
        assertEquals(40.0, p.get("field.correlationLength"));
        assertEquals(64, p.get("field.grid.nz"));
        Map<String, Object> s = LogConductivityModel.spectral(LogConductivityModel.DEFAULT_GRID,
                Covariance.MATERN_5_2).parameters();
        assertEquals("matern_5_2", s.get("field.field.covariance"));
    }

    private static ChannelStatistics statistics(ModelGenerator m, long seed) {
        return statistics(m, seed, FIELDS);
    }

    private static ChannelStatistics statistics(ModelGenerator m, long seed, int n) {
        return m.statistics(m.samples(new SplittableRandom(seed), n), n).channels().getFirst();
    }
}
