package dev.strata.sampler.vp;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;

/** DDPM ancestral sampling on the cosine schedule with T = 250. */
class DdpmCosineSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler(Denoiser denoiser, Guidance guidance) {
        return new DdpmSampler(denoiser, BetaSchedule.cosine(250), DdpmSampler.Variance.POSTERIOR, guidance);
    }
}
