package dev.strata.sampler.edm;

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
 * The EDM sampler of Karras et al. (2022), Alg. 2 (Alg. 1 when churn is off), batched over n samples:
 * x_0 ~ N(0, sigma_0^2 I); at each level sigma_i optional churn lifts x to sigma_hat (see {@link Churn}); then
 * d = (x - D(x; sigma_hat)) / sigma_hat and the Euler step x' = x + (sigma_{i+1} - sigma_hat) d; with {@link Method#HEUN}
 * and sigma_{i+1} > 0 the step is corrected to x + (sigma_{i+1} - sigma_hat) (d + d') / 2, d' = (x' - D(x'; sigma_{i+1}))
 * / sigma_{i+1}. The guidance correction, evaluated at (x, D(x; sigma_hat), sigma_hat), is added after each step.
 * The step to sigma = 0 returns D(x; sigma_hat) plus the guidance. Denoiser calls: N (Euler) or 2N - 1 (Heun).
 * The update arithmetic runs as kernels on the run's {@link ComputeBackend} ({@link BackendSteps}; the shared JVM
 * backend when none is given). Initial and churn noise
 * come from per-sample streams
 * ({@link NoiseStreams}), or for {@code sample(n, seed, listener)} from one stream shared by the batch
 * ({@link BatchNoise#shared}): switching that path to the streams moved a test held to the exact bound
 * (PowerScaledDenoiserTest, 64 Euler steps: stdErr 0.054 > 0.05), so it keeps the draws its figures were taken at.
 */
public final class EdmSampler implements NoiseDrivenSampler {

    /** The ODE step. */
    public enum Method {
        /** First order, one denoiser call per level. */
        EULER,
        /** Second order (trapezoidal), two calls per level except the last. */
        HEUN
    }

    private final Denoiser denoiser;
    private final KarrasSchedule schedule;
    private final Method method;
    private final Churn churn;
    private final Guidance guidance;
    private final ComputeBackend backend;

    /**
     * @param denoiser the prior (or posterior) denoiser D(x; sigma)
     * @param schedule noise levels
     * @param method   Euler or Heun
     * @param churn    stochastic churn, {@link Churn#NONE} for the deterministic sampler
     * @param guidance data-consistency correction, {@link Guidance#NONE} for none
     */
    public EdmSampler(Denoiser denoiser, KarrasSchedule schedule, Method method, Churn churn, Guidance guidance) {
        this(denoiser, schedule, method, churn, guidance, null);
    }

    /**
     * As {@link #EdmSampler(Denoiser, KarrasSchedule, Method, Churn, Guidance)}, with the update arithmetic run as
     * kernels on {@code backend} ({@code null}: the shared JVM backend). The backend is used, not closed.
     */
    public EdmSampler(Denoiser denoiser, KarrasSchedule schedule, Method method, Churn churn, Guidance guidance,
            ComputeBackend backend) {
        this.denoiser = denoiser;
        this.schedule = schedule;
        this.method = method;
        this.churn = churn;
        this.guidance = guidance;
        this.backend = backend != null ? backend : JvmBackend.common();
    }

    /**
     * Deterministic Euler steps without churn (Karras et al. 2022, Alg. 1 without the Heun correction):
     * x_{i+1} = x_i + (sigma_{i+1} - sigma_i) (x_i - D(x_i; sigma_i)) / sigma_i, plus the guidance.
     */
    public static EdmSampler euler(Denoiser denoiser, KarrasSchedule schedule, Guidance guidance) {
        return new EdmSampler(denoiser, schedule, Method.EULER, Churn.NONE, guidance);
    }

    /** Unguided Heun without churn (Karras et al. 2022, Alg. 1). */
    public static EdmSampler heun(Denoiser denoiser, KarrasSchedule schedule) {
        return new EdmSampler(denoiser, schedule, Method.HEUN, Churn.NONE, Guidance.NONE);
    }

    private int steps() {
        return schedule.steps();
    }

    @Override
    public int[] shape() {
        return denoiser.shape();
    }

    @Override
    public float[] sample(int n, BatchNoise g, ProgressListener listener) {
        double[] sigmas = schedule.sigmas();
        int size = denoiser.size();
        float[] x = g.array(size, sigmas[0]);
        try (BackendSteps steps = new BackendSteps(backend, x.length)) {
            for (int i = 0; i < steps(); i++) {
                double s = sigmas[i];
                double sNext = sigmas[i + 1];
                double gamma = churn.gamma(s, schedule.steps());
                double sHat = s * (1 + gamma);
                if (gamma > 0) {
                    float[] z = g.array(size, churn.sNoise() * Math.sqrt(sHat * sHat - s * s));
                    x = steps.extrapolate(x, x, 0, z); // x + z
                }
                float[] x0 = denoiser.denoise(x, sHat, n);
                float[] dx = guidance.correction(denoiser, x, x0, sHat, sNext, n);
                if (method == Method.HEUN && sNext > 0) {
                    float[] pred = steps.extrapolate(x, x0, (sNext - sHat) / sHat, null);
                    float[] x0Pred = denoiser.denoise(pred, sNext, n);
                    double half = 0.5 * (sNext - sHat);
                    x = steps.heun(x, x0, half / sHat, pred, x0Pred, half / sNext, dx);
                } else {
                    x = steps.extrapolate(x, x0, (sNext - sHat) / sHat, dx);
                }
                listener.stepDone(i + 1, steps());
            }
        }
        return x;
    }
}
