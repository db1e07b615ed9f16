package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.GaussianLinearPosterior;
import dev.strata.sampler.oracle.levy.BenchmarkOperator;
import dev.strata.sampler.oracle.levy.IncrementLaw;
import dev.strata.sampler.oracle.levy.LevyDenoiser;
import dev.strata.sampler.oracle.levy.LevyPosterior;
import dev.strata.sampler.oracle.levy.LevyPrior;
import dev.strata.sampler.oracle.levy.NormalEquations;

/**
 * Levy-process oracle case (Zach et al., "A statistical benchmark for diffusion posterior sampling algorithms",
 * ICLR 2026): a signal of length d with iid increments from {@code law}, y = A x_true + s e, A a
 * {@link BenchmarkOperator}, e ~ N(0, I); the gold standard is the Gibbs posterior ({@link LevyPosterior}).
 *
 * @param name      e.g. {@code levy-laplace-identity}
 * @param prior     the Levy prior
 * @param operator  which A
 * @param matrix    A, m x d row-major
 * @param forward   A as a forward operator (for guidance)
 * @param data      y
 * @param noise     s
 * @param normal    the data in normal-equation form
 * @param posterior the Gibbs gold standard
 */
public record LevyProcessCase(String name, LevyPrior prior, BenchmarkOperator operator, double[] matrix,
        MatrixOperator forward, float[] data, double noise, NormalEquations normal, LevyPosterior posterior) {

    /** Burn-in and sweeps per call of the cases' Gibbs denoisers (RMS error ~0.07 sigma per call at sigma ~ 1). */
    static final int DENOISER_BURN_IN = 10;
    static final int DENOISER_SWEEPS = 30;

    /**
     * @param seed x_true is the prior draw of {@code seed}, e comes from {@code seed + 1}, the Gibbs chains from
     *             {@code seed + 2}
     */
    public static LevyProcessCase of(IncrementLaw law, BenchmarkOperator operator, int d, double noise, long seed,
            LevyPosterior.Settings settings) {
        LevyPrior prior = new LevyPrior(law, d);
        int m = operator.rows(d);
        double[] a = operator.matrix(d);
        MatrixOperator forward = new MatrixOperator(prior.shape(), m, a);
        float[] clean = forward.apply(prior.sample(1, seed), 1);
        Gaussian g = new Gaussian(seed + 1);
        float[] data = new float[m];
        double[] y = new double[m];
        for (int r = 0; r < m; r++) {
            data[r] = (float) (clean[r] + noise * g.next());
            y[r] = data[r];
        }
        String name = "levy-" + law.name() + "-" + operator.label();
        NormalEquations normal = NormalEquations.of(a, m, y, noise);
        return new LevyProcessCase(name, prior, operator, a, forward, data, noise, normal,
                prior.posterior(name, normal, settings, seed + 2));
    }

    /** y widened to double. */
    double[] dataAsDouble() {
        double[] y = new double[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = data[i];
        }
        return y;
    }

    /** The exact posterior under the moment-matched Gaussian prior: the answer of a sampler that ignores the law. */
    DenseGaussian gaussianPosterior() {
        DenseGaussian p = prior.matchedGaussian();
        return GaussianLinearPosterior.of(p.shape(), p.mean(), p.covariance(), matrix, dataAsDouble(), noise);
    }

    /** The Gibbs gold standard rerun with other chains: an independent exact sampler with its own MC error. */
    LevyPosterior rerun(long seed) {
        return prior.posterior(name, normal, posterior.settings(), seed);
    }

    /** The same Gibbs posterior with the noise s scaled by {@code factor} (a wrong posterior for factor != 1). */
    LevyPosterior withNoise(double factor, long seed) {
        return prior.posterior(name + "-noise-x" + factor, NormalEquations.of(matrix, data.length, dataAsDouble(),
                noise * factor), posterior.settings(), seed);
    }

    /** The Gibbs prior denoiser E[x0 | x_sigma]. */
    LevyDenoiser priorDenoiser() {
        return prior.denoiser(NormalEquations.none(prior.length()), DENOISER_BURN_IN, DENOISER_SWEEPS, 17);
    }

    /** The Gibbs posterior denoiser E[x0 | x_sigma, y], with the data noise scaled by {@code factor}. */
    LevyDenoiser posteriorDenoiser(double factor) {
        NormalEquations obs = factor == 1 ? normal
                : NormalEquations.of(matrix, data.length, dataAsDouble(), noise * factor);
        return prior.denoiser(obs, DENOISER_BURN_IN, DENOISER_SWEEPS, 19);
    }
}
