package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.mixture.GaussianMixturePrior;
import dev.strata.sampler.mixture.LinearisedMixturePosterior;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.oracle.DenseGaussianMixture;
import dev.strata.sampler.oracle.GaussianMixturePosterior;
import dev.strata.sampler.prior.SpectralGaussianPrior;

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
        int d = nz * nx;
        int[] shape = {1, nz, nx};
        SpectralGaussianPrior gaussian = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, nz, nx,
                new double[] {0.3}, new double[] {1.0}, 2.0, 2.0, nz, nx, 0.05));
        float[] centres = gaussian.sample(count, seed);
        GaussianMixturePrior prior = new GaussianMixturePrior(new TrainingSet(shape, centres, count), gamma, null);
        Gaussian g = new Gaussian(seed + 1);
        double[] a = new double[m * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = g.next() / Math.sqrt(d);
        }
        MatrixOperator operator = new MatrixOperator(shape, m, a);
        float[] clean = operator.apply(prior.sample(1, seed + 2), 1);
        float[] data = new float[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            data[i] = (float) (clean[i] + noise * g.next());
            y[i] = data[i];
        }
        DenseGaussianMixture densePrior = DenseGaussianMixture.isotropic("gmm-iso-prior", shape, centres, count, gamma,
                null);
        return new LinearisedMixtureCase(prior, operator, data, noise,
                new LinearisedMixturePosterior("linearised-gmm", prior, operator, data, noise),
                GaussianMixturePosterior.of("gmm-iso-linear", densePrior, a, y, noise));
    }
}
