package dev.strata.sampler.edm;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;

/**
 * Deterministic EDM sampler with Euler steps (Karras et al. 2022, Alg. 1 without the Heun correction):
 * x_0 ~ N(0, sigma_0^2 I); d_i = (x_i - D(x_i; sigma_i)) / sigma_i; x_{i+1} = x_i + (sigma_{i+1} - sigma_i) d_i,
 * then x_{i+1} += guidance(x_i). The last step to sigma = 0 returns D(x; sigma_{N-1}) plus the guidance.
 */
public final class EdmEulerSampler implements Sampler {
    private final Denoiser denoiser;
    private final KarrasSchedule schedule;
    private final Guidance guidance;

    public EdmEulerSampler(Denoiser denoiser, KarrasSchedule schedule, Guidance guidance) {
        this.denoiser = denoiser;
        this.schedule = schedule;
        this.guidance = guidance;
    }

    @Override
    public int[] shape() {
        return denoiser.shape();
    }

    @Override
    public float[] sample(int n, long seed, ProgressListener listener) {
        double[] sigmas = schedule.sigmas();
        int size = denoiser.size();
        float[] x = new Gaussian(seed).array(n * size, sigmas[0]);
        for (int i = 0; i < schedule.steps(); i++) {
            double s = sigmas[i];
            double sNext = sigmas[i + 1];
            float[] x0 = denoiser.denoise(x, s, n);
            float[] next = new float[x.length];
            double h = (sNext - s) / s;
            for (int k = 0; k < x.length; k++) {
                next[k] = (float) (x[k] + h * (x[k] - x0[k]));
            }
            float[] dx = guidance.correction(denoiser, x, x0, s, sNext, n);
            if (dx != null) {
                for (int k = 0; k < x.length; k++) {
                    next[k] += dx[k];
                }
            }
            x = next;
            listener.stepDone(i + 1, schedule.steps());
        }
        return x;
    }
}
