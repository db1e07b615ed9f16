package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.mixture.GaussianMixturePrior;
import dev.strata.sampler.mixture.MemorizedPosterior;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.oracle.PosteriorOracle;
import dev.strata.sampler.prior.SpectralGaussianPrior;

/**
 * Oracle case for the memorized prior (seed 001): a training set of {@code count} draws of the smooth Gaussian prior
 * of {@link GaussianLinearCase} on an nz x nx grid, memorized (gamma = 0); m random linear measurements of a fresh
 * prior draw with Gaussian noise. The posterior is the likelihood-reweighted training set ({@link MemorizedPosterior}).
 * The data are kept weak enough that the posterior spreads over hundreds of examples, so that its pixel marginals are
 * nearly continuous and a 90 % interval means what it says.
 *
 * @param prior     the memorized prior
 * @param operator  A
 * @param data      y
 * @param noise     data noise std
 * @param posterior  the exact posterior, as the library computes it (the closed-form sampler under test)
 * @param reweighted the same posterior computed independently, in double from the dense matrix (the oracle)
 */
public record MemorizedLinearCase(GaussianMixturePrior prior, MatrixOperator operator, float[] data, double noise,
        MemorizedPosterior posterior, PosteriorOracle reweighted) {

    public static MemorizedLinearCase of(int nz, int nx, int count, int m, double noise, long seed) {
        int[] shape = {1, nz, nx};
        SpectralGaussianPrior gaussian = GaussianLinearCase.smoothPrior(nz, nx);
        float[] examples = gaussian.sample(count, seed);
        GaussianMixturePrior prior = GaussianMixturePrior.memorized(new TrainingSet(shape, examples, count));
        LinearMeasurement measured = LinearMeasurement.draw(shape, m, noise, gaussian.sample(1, seed + 2),
                new Gaussian(seed + 1));
        return new MemorizedLinearCase(prior, measured.operator(), measured.data(), noise,
                MemorizedPosterior.of("memorized-linear", prior, measured.operator(), measured.data(), noise),
                new ReweightedExamples("memorized-linear", shape, examples, measured.matrix(),
                        measured.dataAsDouble(), noise));
    }
}
