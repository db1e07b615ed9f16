package dev.strata.sampler.edm;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.sampler.BackendSteps;
import dev.strata.sampler.BatchNoise;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.NoiseDrivenSampler;
import dev.strata.sampler.ProgressListener;

/**
 * Predictor-corrector sampling (Song et al. 2021, Alg. 2, on the EDM levels of Karras et al. 2022): at each level an
 * Euler step of the probability-flow ODE x' = x + (sigma' - sigma) (x - D(x; sigma)) / sigma, then
 * {@code correctorSteps} Langevin steps at sigma', x <- x + eps s(x) + sqrt(2 eps) z with the score
 * s = (D(x; sigma') - x) / sigma'^2 and eps = 2 (r |z| / |s|)^2 over the batch (Alg. 5's step rule); the step to
 * sigma = 0 returns D(x; sigma_min).
 *
 * <p>What the corrector is for: a denoiser whose score is a weighted sum of scores, such as the power-scaled
 * alpha s_prior + lambda s_likelihood ({@link dev.strata.sampler.guidance.PowerScaledDenoiser}), is the score of the
 * target at sigma -> 0 but not of the noised target at larger sigma, so the ODE alone drifts from the target's
 * marginals (alpha = 2 collapses the spread). The Langevin steps pull each level back to the density the score
 * describes, and at the smallest levels that density is the target. Without the corrector
 * ({@code correctorSteps = 0}) this is the EDM Euler sampler. The update arithmetic runs on the run's backend.
 */
public final class PredictorCorrectorSampler implements NoiseDrivenSampler {
    private final Denoiser predictor;
    private final Denoiser denoiser;
    private final KarrasSchedule schedule;
    private final int correctorSteps;
    private final double snr;
    private final ComputeBackend backend;

    /**
     * @param correctorSteps Langevin steps per level, >= 0
     * @param snr            r, the step's signal-to-noise ratio, in (0, 1]
     * @param backend        where the update kernels run (null: the shared JVM backend); used, not closed
     */
    public PredictorCorrectorSampler(Denoiser denoiser, KarrasSchedule schedule, int correctorSteps, double snr,
                                     ComputeBackend backend) {
        this(denoiser, denoiser, schedule, correctorSteps, snr, backend);
    }

    /**
     * As {@link #PredictorCorrectorSampler(Denoiser, KarrasSchedule, int, double, ComputeBackend)}, with the ODE
     * steps driven by {@code predictor} (any denoiser that moves samples between levels stably, e.g. the plain
     * posterior's) and the Langevin steps by {@code denoiser}, whose score defines the target: a stiff score such as
     * a prior raised to the power 4 makes large Euler steps overshoot, while the corrector's step adapts to it.
     */
    public PredictorCorrectorSampler(Denoiser predictor, Denoiser denoiser, KarrasSchedule schedule,
                                     int correctorSteps, double snr, ComputeBackend backend) {
        if (correctorSteps < 0 || !(snr > 0 && snr <= 1)) {
            throw new IllegalArgumentException("need correctorSteps >= 0 and 0 < snr <= 1, got " + correctorSteps
                    + ", " + snr);
        }
        this.predictor = predictor;
        this.denoiser = denoiser;
        this.schedule = schedule;
        this.correctorSteps = correctorSteps;
        this.snr = snr;
        this.backend = backend != null ? backend : JvmBackend.common();
    }

    @Override
    public int[] shape() {
        return denoiser.shape();
    }

    /**
     * eps = 2 (r |z| / |s|)^2 with the score s = (D - x) / sigma^2 (Song et al. 2021, Alg. 5): the step adapts to how
     * stiff the score is, so a strong prior or likelihood does not overshoot.
     */
    private double stepSize(float[] x, float[] d, float[] z, double sigma) {
        double ss = 0;
        double zz = 0;
        for (int i = 0; i < x.length; i++) {
            double si = (d[i] - x[i]) / (sigma * sigma);
            ss += si * si;
            zz += (double) z[i] * z[i];
        }
        return ss > 0 ? 2 * snr * snr * zz / ss : 0;
    }

    private static void scale(float[] z, double c) {
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (c * z[i]);
        }
    }

    @Override
    public float[] sample(int n, BatchNoise g, ProgressListener listener) {
        double[] sigmas = schedule.sigmas();
        int size = denoiser.size();
        float[] x = g.array(size, sigmas[0]);
        int steps = schedule.steps();
        try (BackendSteps update = new BackendSteps(backend, x.length)) {
            for (int i = 0; i < steps; i++) {
                double s = sigmas[i];
                double next = sigmas[i + 1];
                float[] x0 = predictor.denoise(x, s, n);
                x = update.extrapolate(x, x0, (next - s) / s, null);
                for (int k = 0; k < correctorSteps && next > 0; k++) {
                    float[] d = denoiser.denoise(x, next, n);
                    float[] z = g.array(size, 1);
                    double eps = stepSize(x, d, z, next);
                    // x + eps (D - x) / sigma^2 + sqrt(2 eps) z = x + h (x - D) + noise, h = -eps / sigma^2
                    scale(z, Math.sqrt(2 * eps));
                    x = update.extrapolate(x, d, -eps / (next * next), z);
                }
                listener.stepDone(i + 1, steps);
            }
        }
        return x;
    }
}
