package dev.strata.sampler.vp;

import dev.strata.sampler.BatchNoise;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.NoiseDrivenSampler;
import dev.strata.sampler.NoiseStreams;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.StepArithmetic;

/**
 * DDPM ancestral sampling (Ho et al. 2020, Alg. 2, written with the predicted x0), batched, in VP coordinates:
 * x_T ~ N(0, I); for t = T..1: x̂0 = D(x_t / sqrt(abar_t); sigma_t), x_{t-1} = c0 x̂0 + ct x_t + sqrt(v_t) z with
 * c0 = sqrt(abar_{t-1}) beta_t / (1 - abar_t), ct = sqrt(1 - beta_t) (1 - abar_{t-1}) / (1 - abar_t) (the mean of
 * q(x_{t-1} | x_t, x0), Ho et al. eq. 7), v_t = beta~_t = (1 - abar_{t-1}) / (1 - abar_t) beta_t (the posterior
 * variance) or beta_t, and no noise at t = 1. The guidance works in EDM coordinates: its correction dx is added as
 * sqrt(abar_{t-1}) dx. With v_t = beta~_t this is {@link DdimSampler} with eta = 1 over all T steps. Initial and
 * ancestral noise come from per-sample streams
 * ({@link NoiseStreams}), or for {@code sample(n, seed, listener)} from one stream shared by the batch
 * ({@link BatchNoise#shared}): switching that path to the streams moved a test held to the exact bound
 * (PowerScaledDenoiserTest, 64 Euler steps: stdErr 0.054 > 0.05), so it keeps the draws its figures were taken at.
 */
public final class DdpmSampler implements NoiseDrivenSampler {

    /** The variance of the ancestral step. */
    public enum Variance {
        /** beta~_t, the exact variance of q(x_{t-1} | x_t, x0): the lower bound of Ho et al. */
        POSTERIOR,
        /** beta_t, the upper bound of Ho et al. */
        BETA
    }

    private final Denoiser denoiser;
    private final BetaSchedule schedule;
    private final Variance variance;
    private final Guidance guidance;

    public DdpmSampler(Denoiser denoiser, BetaSchedule schedule, Variance variance, Guidance guidance) {
        this.denoiser = denoiser;
        this.schedule = schedule;
        this.variance = variance;
        this.guidance = guidance;
    }

    /** Unguided, posterior variance. */
    public DdpmSampler(Denoiser denoiser, BetaSchedule schedule) {
        this(denoiser, schedule, Variance.POSTERIOR, Guidance.NONE);
    }

    @Override
    public int[] shape() {
        return denoiser.shape();
    }

    @Override
    public float[] sample(int n, BatchNoise g, ProgressListener listener) {
        int steps = schedule.steps();
        double[] abar = schedule.alphaBars();
        double[] sigma = schedule.sigmas();
        int size = denoiser.size();
        float[] x = g.array(size, 1.0);
        for (int t = steps; t >= 1; t--) {
            double beta = schedule.beta(t);
            float[] xe = StepArithmetic.combine(1 / Math.sqrt(abar[t]), x, 0, x, 0, null);
            float[] x0 = denoiser.denoise(xe, sigma[t], n);
            double c0 = Math.sqrt(abar[t - 1]) * beta / (1 - abar[t]);
            double ct = Math.sqrt(1 - beta) * (1 - abar[t - 1]) / (1 - abar[t]);
            double v = variance == Variance.POSTERIOR ? (1 - abar[t - 1]) / (1 - abar[t]) * beta : beta;
            float[] z = t > 1 ? g.array(size, 1.0) : null;
            float[] next = StepArithmetic.combine(c0, x0, ct, x, Math.sqrt(v), z);
            StepArithmetic.addScaled(next, Math.sqrt(abar[t - 1]),
                    guidance.correction(denoiser, xe, x0, sigma[t], sigma[t - 1], n));
            x = next;
            listener.stepDone(steps - t + 1, steps);
        }
        return x;
    }
}
