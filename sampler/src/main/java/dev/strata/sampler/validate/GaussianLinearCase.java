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
        SpectralGaussianPrior prior = smoothPrior(nz, nx);
        double[] mean = new double[d];
        Arrays.fill(mean, 0.3);
        double[] cov = prior.denseCovariance(0);
        DenseGaussian densePrior = new DenseGaussian(shape, mean, cov);
        LinearMeasurement measured = LinearMeasurement.draw(shape, m, noise, prior.sample(1, seed + 1),
                new Gaussian(seed));
        return new GaussianLinearCase(prior, densePrior, measured.operator(), measured.data(), noise,
                GaussianLinearPosterior.of(shape, mean, cov, measured.matrix(), measured.dataAsDouble(), noise));
    }

    /** The prior of this case on an nz x nx grid: mean 0.3, std 1, correlation length 2 cells, 5 % nugget. */
    static SpectralGaussianPrior smoothPrior(int nz, int nx) {
        return new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, nz, nx, new double[] {0.3},
                new double[] {1.0}, 2.0, 2.0, nz, nx, 0.05));
    }
}
