package dev.strata.sampler.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Gaussian;
import org.junit.jupiter.api.Test;

class EffectiveSampleSizeTest {
    private static final int CHAINS = 8;
    private static final int KEPT = 20_000; // ESS of AR(1) then has a spread of ~4 %

    /** AR(1) chains x_t = phi x_{t-1} + sqrt(1 - phi^2) e_t, started in equilibrium, with an offset per chain. */
    private static float[] ar1(double phi, double spread, long seed) {
        Gaussian g = new Gaussian(seed);
        float[] x = new float[CHAINS * KEPT];
        for (int c = 0; c < CHAINS; c++) {
            double v = g.next();
            for (int t = 0; t < KEPT; t++) {
                v = phi * v + Math.sqrt(1 - phi * phi) * g.next();
                x[c * KEPT + t] = (float) (v + spread * c);
            }
        }
        return x;
    }

    @Test
    void ar1ChainsHaveTheTheoreticalEss() {
        // integrated autocorrelation time of AR(1): (1 + phi) / (1 - phi) = 19 for phi = 0.9
        EffectiveSampleSize ess = EffectiveSampleSize.of(ar1(0.9, 0, 1), CHAINS, KEPT, 1);
        double expected = CHAINS * KEPT / 19.0;
        assertEquals(expected, ess.min(), 0.15 * expected);
    }

    @Test
    void independentDrawsHaveEssNearTheirNumber() {
        EffectiveSampleSize ess = EffectiveSampleSize.of(ar1(0.0, 0, 2), CHAINS, KEPT, 1);
        assertEquals(CHAINS * KEPT, ess.min(), 0.1 * CHAINS * KEPT);
    }

    @Test
    void chainsThatDisagreeHaveFewEffectiveSamples() {
        EffectiveSampleSize ess = EffectiveSampleSize.of(ar1(0.5, 1.0, 3), CHAINS, KEPT, 1);
        assertTrue(ess.min() < 200, "chains stuck at different levels must not count as independent: " + ess.min());
    }

    @Test
    void summariesAreMinimumAndMedianOverValues() {
        // value 0 mixes slowly, value 1 fast, value 2 in between
        float[] a = ar1(0.95, 0, 4);
        float[] b = ar1(0.0, 0, 5);
        float[] c = ar1(0.5, 0, 6);
        float[] x = new float[a.length * 3];
        for (int i = 0; i < a.length; i++) {
            x[3 * i] = a[i];
            x[3 * i + 1] = b[i];
            x[3 * i + 2] = c[i];
        }
        EffectiveSampleSize ess = EffectiveSampleSize.of(x, CHAINS, KEPT, 3);
        assertEquals(ess.perValue()[0], ess.min());
        assertEquals(ess.perValue()[2], ess.median());
    }

    @Test
    void rHatIsNearOneForAgreeingChainsAndAboveItForChainsAtDifferentLevels() {
        double agree = EffectiveSampleSize.rHat(ar1(0.5, 0, 7), CHAINS, KEPT, 1)[0];
        double disagree = EffectiveSampleSize.rHat(ar1(0.5, 1.0, 3), CHAINS, KEPT, 1)[0];
        assertTrue(agree < 1.01, "agreeing chains: " + agree);
        assertTrue(disagree > 1.1, "chains at different levels: " + disagree);
    }
}
