package dev.strata.sampler.edm;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;

/**
 * Deterministic EDM sampler with Euler steps (Karras et al. 2022, Alg. 1 without the Heun correction):
 * x_0 ~ N(0, sigma_0^2 I); d_i = (x_i - D(x_i; sigma_i)) / sigma_i; x_{i+1} = x_i + (sigma_{i+1} - sigma_i) d_i,
 * then x_{i+1} += guidance(x_i). The last step to sigma = 0 returns D(x; sigma_{N-1}) plus the guidance.
 * The {@link EdmSampler} with {@link EdmSampler.Method#EULER} and no churn.
 */
public final class EdmEulerSampler implements Sampler {
    private final EdmSampler sampler;
    private final Denoiser denoiser;

    public EdmEulerSampler(Denoiser denoiser, KarrasSchedule schedule, Guidance guidance) {
        this.denoiser = denoiser;
        this.sampler = new EdmSampler(denoiser, schedule, EdmSampler.Method.EULER, Churn.NONE, guidance);
    }

    @Override
    public int[] shape() {
        return denoiser.shape();
    }

    @Override
    public float[] sample(int n, long seed, ProgressListener listener) {
        return sampler.sample(n, seed, listener);
    }

    @Override
    public float[] sample(int n, long seed, long firstIndex, ProgressListener listener) {
        return sampler.sample(n, seed, firstIndex, listener);
    }
}
