package dev.strata.cli.experiment;

import dev.strata.cli.invert.InverseProblem;
import dev.strata.cli.invert.PhysicalProblem;
import dev.strata.sampler.mixture.GaussianMixturePrior;
import dev.strata.sampler.mixture.MemorizedPosterior;

/**
 * Seed 001's closed-form posterior under a memorized prior (Siahkoohi and Sabeddu, eq. of the reweighted empirical
 * distribution): p(m | y) = sum_k w_k delta(m - m_k), w_k ∝ exp(-||F(m_k) - y||^2 / (2 sigma^2)), with F the FWI
 * operator applied to every training model (clipped to the velocity range as in the sampler) and sigma the noise of
 * the synthesised data; computed on the whitened problem (F / sigma, noise 1) by {@link MemorizedPosterior}.
 *
 * @param mean            sum_k w_k m_k in physical units
 * @param effectiveModels 1 / sum_k w_k^2: how many training models the posterior weights
 * @param misfit          RMS whitened residual ||F(mean) - y|| / (sigma sqrt(m)) of the mean (1 = fitted to the noise)
 * @param weights         w_k
 */
record ClosedFormPosterior(float[] mean, double effectiveModels, double misfit, double[] weights) {

    static ClosedFormPosterior of(MemorizedSet set, PhysicalProblem problem) {
        InverseProblem whitened = new InverseProblem(problem, set.norm().offset(), set.norm().scale());
        MemorizedPosterior p = MemorizedPosterior.of("memorized posterior, N = " + set.n(),
                GaussianMixturePrior.memorized(set.normalised()), whitened.operator(), whitened.data(), 1.0);
        double[] m = p.mean();
        float[] x = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            x[i] = (float) m[i];
        }
        double misfit = whitened.misfit(whitened.operator().apply(x, 1), 1)[0];
        return new ClosedFormPosterior(set.norm().physical(x), p.effectiveSize(), misfit, p.weights());
    }

    /** RMSE of the closed-form mean against {@code truth} (m/s). */
    double rmse(float[] truth) {
        return Rmse.of(mean, truth);
    }
}
