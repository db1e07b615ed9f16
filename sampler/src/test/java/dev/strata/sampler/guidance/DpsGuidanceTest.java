package dev.strata.sampler.guidance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.GaussianLinearProblem;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.oracle.PosteriorMetrics;
import org.junit.jupiter.api.Test;

/**
 * DPS is an approximation: on this Gaussian-linear problem (zeta 0.5, 100 Karras steps, 1000 samples) it was measured
 * at meanErr 0.72, stdErr 0.46 against the exact posterior, where the unguided prior is at meanErr 1.90, stdErr 1.28.
 * The test holds DPS to that band, so a change that makes it better or worse is seen.
 */
class DpsGuidanceTest {
    private static final int N = 1000;
    private final GaussianLinearProblem problem = new GaussianLinearProblem(7);

    @Test
    void dpsMovesTowardsGaussianPosteriorMean() {
        float[] exact = problem.posterior.sample(4000, 3);
        var prior = EdmSampler.euler(problem.prior.denoiser(), KarrasSchedule.edm(100), Guidance.NONE);
        var dps = EdmSampler.euler(problem.prior.denoiser(), KarrasSchedule.edm(100),
                new DpsGuidance(problem.operator, problem.data, 0.5));
        PosteriorMetrics unguided = PosteriorMetrics.compare(prior.sample(N, 1), N, problem.posterior, exact, 4000);
        PosteriorMetrics guided = PosteriorMetrics.compare(dps.sample(N, 1), N, problem.posterior, exact, 4000);
        assertTrue(guided.meanErr() < 0.5 * unguided.meanErr(), "DPS " + guided + " prior " + unguided);
        assertTrue(guided.meanErr() > 0.4 && guided.meanErr() < 1.0, "DPS left its measured band: " + guided);
    }
}
