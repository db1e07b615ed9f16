package dev.strata.sampler.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.oracle.PosteriorMetrics;

final class McmcFixtures {
    private McmcFixtures() {
    }

    /**
     * MCMC output must agree with the exact posterior to within its own Monte Carlo error: meanErr and stdErr at most
     * 3 / sqrt(ESS_min), coverage90 within max(0.02, 1 / sqrt(ESS_min)) of 0.90.
     */
    static void assertWithinMonteCarloError(PosteriorMetrics m, EffectiveSampleSize ess) {
        double bound = 3 / Math.sqrt(ess.min());
        assertTrue(m.meanErr() <= bound, "meanErr " + m + " bound " + bound + " ESS " + ess.min());
        assertTrue(m.stdErr() <= bound, "stdErr " + m + " bound " + bound + " ESS " + ess.min());
        assertTrue(Math.abs(m.coverage90() - 0.9) <= Math.max(0.02, 1 / Math.sqrt(ess.min())), "coverage " + m);
    }
}
