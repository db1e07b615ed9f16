package dev.strata.sampler.vp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;
import org.junit.jupiter.api.Test;

/**
 * DDPM ancestral sampling on the linear schedule with T = 500 (betas scaled by 1000 / T): its std is short by ~0.05 at
 * T = 200 and ~0.02 at T = 500 on the GMM oracle (first order in 1/T).
 */
class DdpmSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler(Denoiser denoiser, Guidance guidance) {
        return new DdpmSampler(denoiser, BetaSchedule.linear(500), DdpmSampler.Variance.POSTERIOR, guidance);
    }

    @Test
    void ancestralStepIsDdimWithEtaOne() {
        BetaSchedule schedule = BetaSchedule.linear(50);
        float[] ddpm = new DdpmSampler(problem.posterior(), schedule).sample(4, 3);
        float[] ddim = new DdimSampler(problem.posterior(), schedule, 50, 1.0, Guidance.NONE).sample(4, 3);
        for (int i = 0; i < ddpm.length; i++) {
            assertEquals(ddpm[i], ddim[i], 2e-3, "at " + i);
        }
    }
}
