package dev.strata.sampler.vp;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;

/** DDIM with eta = 0.5, 250 of the 1000 cosine-schedule steps. */
class DdimStochasticSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler(Denoiser denoiser, Guidance guidance) {
        return new DdimSampler(denoiser, BetaSchedule.cosine(1000), 250, 0.5, guidance);
    }
}
