package dev.strata.sampler.vp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BetaScheduleTest {

    @Test
    void linearScheduleRunsFromHoEndpoints() {
        BetaSchedule s = BetaSchedule.linear(1000);
        assertEquals(1e-4, s.beta(1), 1e-15);
        assertEquals(0.02, s.beta(1000), 1e-15);
        double[] a = s.alphaBars();
        assertEquals(1.0, a[0]);
        assertTrue(a[1000] > 1e-5 && a[1000] < 1e-4, "abar_T " + a[1000]);
        // scaling by 1000 / T keeps the end point within a factor 1.5
        double a200 = BetaSchedule.linear(200).alphaBars()[200];
        assertEquals(Math.log(a[1000]), Math.log(a200), Math.log(1.5));
    }

    @Test
    void cosineScheduleFollowsNicholDhariwalFormula() {
        int steps = 100;
        double[] a = BetaSchedule.cosine(steps).alphaBars();
        double f0 = Math.pow(Math.cos(0.5 * Math.PI * 0.008 / 1.008), 2);
        for (int t : new int[] {1, 25, 50, 90}) {
            double expected = Math.pow(Math.cos(0.5 * Math.PI * ((double) t / steps + 0.008) / 1.008), 2) / f0;
            assertEquals(expected, a[t], 1e-12, "t " + t);
        }
        assertTrue(a[steps] > 0, "beta is clipped at 0.999, so abar_T stays positive");
    }

    @Test
    void sigmasAreTheEdmLevelsOfTheVpState() {
        BetaSchedule s = BetaSchedule.cosine(50);
        double[] a = s.alphaBars();
        double[] sig = s.sigmas();
        assertEquals(0.0, sig[0]);
        for (int t = 1; t <= 50; t++) {
            assertEquals(a[t], 1 / (1 + sig[t] * sig[t]), 1e-12);
            assertTrue(sig[t] > sig[t - 1]);
        }
    }

    @Test
    void badBetasAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BetaSchedule(new double[] {0.1, 1.0}));
        assertThrows(IllegalArgumentException.class, () -> new BetaSchedule(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> BetaSchedule.linear(0));
    }
}
