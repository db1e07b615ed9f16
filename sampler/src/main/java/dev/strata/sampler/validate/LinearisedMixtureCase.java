package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.mixture.GaussianMixturePrior;
import dev.strata.sampler.mixture.LinearisedMixturePosterior;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.oracle.DenseGaussianMixture;
import dev.strata.sampler.oracle.GaussianMixturePosterior;

/**
 * Oracle case for the linearised GMM posterior of seed 001: a GMM prior with components N(x_k, gamma^2 I) around
 * {@code count} draws of the smooth Gaussian prior of {@link GaussianLinearCase}, observed through a linear operator.
 * The linearisation is then exact, so the seed-001 sampler ({@link LinearisedMixturePosterior}: data-space algebra,
 * Jacobian rows from VJPs, Matheron draws) must agree with the exact mixture posterior built independently from dense
 * isotropic components ({@link GaussianMixturePosterior}).
 *
 * @param prior      the GMM prior
 * @param operator   A
 * @param data       y
 * @param noise      data noise std
 * @param linearised the seed-001 linearised posterior (sampler)
 * @param exact      the exact mixture posterior (oracle)
 */
public record LinearisedMixtureCase(GaussianMixturePrior prior, MatrixOperator operator, float[] data, double noise,
        LinearisedMixturePosterior linearised, DenseGaussianMixture exact) {

    public static LinearisedMixtureCase of(int nz, int nx, int count, double gamma, int m, double noise, long seed) {
        int[] shape = {1, nz, nx};
        float[] centres = GaussianLinearCase.smoothPrior(nz, nx).sample(count, seed);
        GaussianMixturePrior prior = new GaussianMixturePrior(new TrainingSet(shape, centres, count), gamma, null);
        LinearMeasurement measured = LinearMeasurement.draw(shape, m, noise, prior.sample(1, seed + 2),
                new Gaussian(seed + 1));
        DenseGaussianMixture densePrior = DenseGaussianMixture.isotropic("gmm-iso-prior", shape, centres, count, gamma,
                null);
        return new LinearisedMixtureCase(prior, measured.operator(), measured.data(), noise,
                new LinearisedMixturePosterior("linearised-gmm", prior, measured.operator(), measured.data(), noise),
                GaussianMixturePosterior.of("gmm-iso-linear", densePrior, measured.matrix(), measured.dataAsDouble(),
                        noise));
    }
}
