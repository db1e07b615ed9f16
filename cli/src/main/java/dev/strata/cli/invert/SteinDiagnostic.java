package dev.strata.cli.invert;

import dev.strata.forward.ForwardOperator;
import dev.strata.sampler.quality.KernelSteinDiscrepancy;
import java.util.Arrays;

/**
 * The ground-truth-free fidelity check of a run: the kernel Stein discrepancy of its samples against the posterior
 * p(x | y) ~ p(x) N(y_w; W(x), I), in normalised model units, with the posterior score
 * s(x) = grad log p(x) + W'(x)^T (y_w - W(x)). The prior score is Tweedie's (D(x; sigma) - x) / sigma^2 at the small
 * {@link #SIGMA} (exact for the analytic priors' smoothed density, the network's estimate otherwise). Lower is better;
 * it compares methods on one problem (the samples of a sampler that ignores the data, or over-fits them, score high).
 */
final class SteinDiagnostic {
    /** Noise level of the prior score, in normalised units. */
    static final double SIGMA = 0.01;
    /** Most samples the statistic uses (its cost grows with their square). */
    static final int MAX_SAMPLES = 200;

    private SteinDiagnostic() {
    }

    /** KSD of the first (at most {@link #MAX_SAMPLES}) of {@code n} physical samples {@code [n][size]}. */
    static double of(float[] physicalSamples, int n, InverseProblem problem, Prior prior) {
        int size = physicalSamples.length / n;
        int used = Math.min(n, MAX_SAMPLES);
        float[] x = problem.units().toNormalised(Arrays.copyOf(physicalSamples, used * size));
        float[] score = prior.denoiser().denoise(x, SIGMA, used);
        double inv = 1 / (SIGMA * SIGMA);
        for (int i = 0; i < score.length; i++) {
            score[i] = (float) ((score[i] - x[i]) * inv);
        }
        ForwardOperator w = problem.operator();
        float[] data = problem.data();
        float[] residual = w.apply(x, used);
        for (int i = 0; i < residual.length; i++) {
            residual[i] = data[i % data.length] - residual[i];
        }
        float[] likelihood = w.vjp(x, residual, used);
        for (int i = 0; i < score.length; i++) {
            score[i] += likelihood[i];
        }
        return KernelSteinDiscrepancy.of(x, score, used, size);
    }
}
