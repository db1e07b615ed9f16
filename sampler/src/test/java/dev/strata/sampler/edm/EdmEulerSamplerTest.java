package dev.strata.sampler.edm;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;
import dev.strata.sampler.oracle.PosteriorMetrics;
import org.junit.jupiter.api.Test;

/** EDM Euler, 64 Karras steps: first order, but 64 steps keep its discretisation error well under the bounds. */
class EdmEulerSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler(Denoiser denoiser, Guidance guidance) {
        return new EdmEulerSampler(denoiser, KarrasSchedule.edm(64), guidance);
    }

    @Test
    void exactPriorDenoiserReproducesThePrior() {
        float[] s = sampler(problem.prior.denoiser(), Guidance.NONE).sample(N, 1);
        PosteriorMetrics m = PosteriorMetrics.compare(s, N, problem.densePrior, problem.densePrior.sample(4000, 9), 4000);
        assertMeetsExactBounds(m);
    }
}
