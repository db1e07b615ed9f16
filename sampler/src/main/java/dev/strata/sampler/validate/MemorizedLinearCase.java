package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.mixture.GaussianMixturePrior;
import dev.strata.sampler.mixture.MemorizedPosterior;
import dev.strata.sampler.mixture.TrainingSet;
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
 * @param posterior the exact posterior
 */
public record MemorizedLinearCase(GaussianMixturePrior prior, MatrixOperator operator, float[] data, double noise,
        MemorizedPosterior posterior) {

    public static MemorizedLinearCase of(int nz, int nx, int count, int m, double noise, long seed) {
        int d = nz * nx;
        int[] shape = {1, nz, nx};
        SpectralGaussianPrior gaussian = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, nz, nx,
                new double[] {0.3}, new double[] {1.0}, 2.0, 2.0, nz, nx, 0.05));
        GaussianMixturePrior prior = GaussianMixturePrior.memorized(new TrainingSet(shape, gaussian.sample(count, seed),
                count));
        Gaussian g = new Gaussian(seed + 1);
        double[] a = new double[m * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = g.next() / Math.sqrt(d);
        }
        MatrixOperator operator = new MatrixOperator(shape, m, a);
        float[] clean = operator.apply(gaussian.sample(1, seed + 2), 1);
        float[] data = new float[m];
        for (int i = 0; i < m; i++) {
            data[i] = (float) (clean[i] + noise * g.next());
        }
        return new MemorizedLinearCase(prior, operator, data, noise,
                MemorizedPosterior.of("memorized-linear", prior, operator, data, noise));
    }
}
