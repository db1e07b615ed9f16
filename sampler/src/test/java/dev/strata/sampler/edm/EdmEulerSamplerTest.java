package dev.strata.sampler.edm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.GaussianLinearProblem;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.oracle.PosteriorMetrics;
import org.junit.jupiter.api.Test;

/**
 * The EDM Euler sampler driven by an exact denoiser must reproduce the distribution the denoiser belongs to.
 * Bounds: with n = 2000 samples the Monte Carlo part of meanErr is ~ 1/sqrt(n) = 0.022 and of stdErr
 * ~ 1/sqrt(2n) = 0.016; 64 Karras steps add little discretisation error, so 0.05 holds with margin.
 */
class EdmEulerSamplerTest {
    private static final int N = 2000;
    private final GaussianLinearProblem problem = new GaussianLinearProblem(7);

    @Test
    void exactPriorDenoiserReproducesThePrior() {
        var sampler = new EdmEulerSampler(problem.prior.denoiser(), KarrasSchedule.edm(64), Guidance.NONE);
        float[] s = sampler.sample(N, 1);
        PosteriorMetrics m = PosteriorMetrics.compare(s, N, problem.densePrior, problem.densePrior.sample(4000, 9), 4000);
        assertMeetsExactBounds(m);
    }

    @Test
    void exactPosteriorDenoiserMatchesGaussianPosterior() {
        var sampler = new EdmEulerSampler(problem.posterior, KarrasSchedule.edm(64), Guidance.NONE);
        float[] s = sampler.sample(N, 2);
        PosteriorMetrics m = PosteriorMetrics.compare(s, N, problem.posterior, problem.posterior.sample(4000, 10), 4000);
        assertMeetsExactBounds(m);
    }

    @Test
    void sameSeedGivesSameSamples() {
        var sampler = new EdmEulerSampler(problem.prior.denoiser(), KarrasSchedule.edm(10), Guidance.NONE);
        assertArrayEquals(sampler.sample(3, 42), sampler.sample(3, 42));
    }

    static void assertMeetsExactBounds(PosteriorMetrics m) {
        assertTrue(m.meanErr() <= 0.05, "meanErr " + m);
        assertTrue(m.stdErr() <= 0.05, "stdErr " + m);
        assertTrue(m.coverage90() >= 0.88 && m.coverage90() <= 0.92, "coverage90 " + m);
    }
}
