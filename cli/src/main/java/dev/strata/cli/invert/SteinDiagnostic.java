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
    /**
     * Most samples the statistic uses: the scores cost one likelihood gradient per sample (an adjoint solve or
     * wave-equation gradient), so a long run does not pay the whole sampling again at its end.
     */
    static final int MAX_SAMPLES = 64;

    private SteinDiagnostic() {
    }

    /**
     * KSD of the first (at most {@link #MAX_SAMPLES}) of {@code n} physical samples {@code [n][size]}; the scores are
     * computed {@code batch} samples at a time, as the run drew them.
     */
    static double of(float[] physicalSamples, int n, InverseProblem problem, Prior prior, int batch) {
        int size = physicalSamples.length / n;
        int used = Math.min(n, MAX_SAMPLES);
        float[] x = problem.units().toNormalised(Arrays.copyOf(physicalSamples, used * size));
        float[] score = new float[x.length];
        for (int first = 0; first < used; first += batch) {
            int count = Math.min(batch, used - first);
            float[] part = score(Arrays.copyOfRange(x, first * size, (first + count) * size), count, problem, prior);
            System.arraycopy(part, 0, score, first * size, part.length);
        }
        return KernelSteinDiscrepancy.of(x, score, used, size);
    }

    /** s(x) = (D(x; sigma) - x) / sigma^2 + W'(x)^T (y_w - W(x)) for {@code count} normalised models. */
    private static float[] score(float[] x, int count, InverseProblem problem, Prior prior) {
        float[] score = prior.denoiser().denoise(x, SIGMA, count);
        double inv = 1 / (SIGMA * SIGMA);
        for (int i = 0; i < score.length; i++) {
            score[i] = (float) ((score[i] - x[i]) * inv);
        }
        ForwardOperator w = problem.operator();
        float[] data = problem.data();
        float[] residual = w.apply(x, count);
        for (int i = 0; i < residual.length; i++) {
            residual[i] = data[i % data.length] - residual[i];
        }
        float[] likelihood = w.vjp(x, residual, count);
        for (int i = 0; i < score.length; i++) {
            score[i] += likelihood[i];
        }
        return score;
    }
}
