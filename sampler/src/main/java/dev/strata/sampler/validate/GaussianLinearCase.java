package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.GaussianLinearPosterior;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.util.Arrays;

/**
 * Oracle case (a): a smooth Gaussian prior on an nz x nx grid (mean 0.3, std 1, correlation length 2 cells,
 * 5 % nugget), m random linear measurements A_ij ~ N(0, 1/d), Gaussian noise of std {@code noise}; the posterior
 * is Gaussian and exact ({@link GaussianLinearPosterior}).
 *
 * @param prior      the spectral prior (its exact denoiser drives DPS)
 * @param densePrior the same prior as a dense Gaussian
 * @param operator   A
 * @param data       y = A x_true + e, x_true a prior draw
 * @param noise      data noise std s
 * @param posterior  the exact posterior
 */
public record GaussianLinearCase(SpectralGaussianPrior prior, DenseGaussian densePrior, MatrixOperator operator,
        float[] data, double noise, DenseGaussian posterior) {

    public static GaussianLinearCase of(int nz, int nx, int m, double noise, long seed) {
        int d = nz * nx;
        int[] shape = {1, nz, nx};
        SpectralGaussianPrior prior = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, nz, nx,
                new double[] {0.3}, new double[] {1.0}, 2.0, 2.0, nz, nx, 0.05));
        double[] mean = new double[d];
        Arrays.fill(mean, 0.3);
        double[] cov = prior.denseCovariance(0);
        DenseGaussian densePrior = new DenseGaussian(shape, mean, cov);
        Gaussian g = new Gaussian(seed);
        double[] a = new double[m * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = g.next() / Math.sqrt(d);
        }
        MatrixOperator operator = new MatrixOperator(shape, m, a);
        float[] clean = operator.apply(prior.sample(1, seed + 1), 1);
        float[] data = new float[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            data[i] = (float) (clean[i] + noise * g.next());
            y[i] = data[i];
        }
        return new GaussianLinearCase(prior, densePrior, operator, data, noise,
                GaussianLinearPosterior.of(shape, mean, cov, a, y, noise));
    }
}
