package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.DenseGaussianMixture;
import dev.strata.sampler.oracle.GaussianMixturePosterior;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Oracle case (b): a Gaussian-mixture prior of three smooth Gaussians on an nz x nx grid that differ in level
 * (-0.6, 0, 0.6), std (0.6, 1, 0.8) and correlation length (1.5, 2, 3 cells), equal weights; m random linear
 * measurements A_ij ~ N(0, 1/d) and Gaussian noise. The posterior is the exact mixture of the components' Gaussian
 * posteriors weighted by their evidence ({@link GaussianMixturePosterior}).
 *
 * @param prior     the mixture prior (its exact denoiser drives DPS)
 * @param operator  A
 * @param data      y = A x_true + e, x_true a draw from the prior
 * @param noise     data noise std s
 * @param posterior the exact mixture posterior
 */
public record MixtureLinearCase(DenseGaussianMixture prior, MatrixOperator operator, float[] data, double noise,
        DenseGaussianMixture posterior) {

    private static final double[] LEVELS = {-0.6, 0.0, 0.6};
    private static final double[] STDS = {0.6, 1.0, 0.8};
    private static final double[] CORRS = {1.5, 2.0, 3.0};

    public static MixtureLinearCase of(int nz, int nx, int m, double noise, long seed) {
        int d = nz * nx;
        int[] shape = {1, nz, nx};
        List<DenseGaussian> comps = new ArrayList<>();
        for (int k = 0; k < LEVELS.length; k++) {
            SpectralGaussianPrior p = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, nz, nx,
                    new double[] {LEVELS[k]}, new double[] {STDS[k]}, CORRS[k], CORRS[k], nz, nx, 0.05));
            double[] mean = new double[d];
            Arrays.fill(mean, LEVELS[k]);
            comps.add(new DenseGaussian(shape, mean, p.denseCovariance(0)));
        }
        DenseGaussianMixture prior = new DenseGaussianMixture("gmm-prior", comps, null);
        LinearMeasurement measured = LinearMeasurement.draw(shape, m, noise, prior.sample(1, seed + 1),
                new Gaussian(seed));
        return new MixtureLinearCase(prior, measured.operator(), measured.data(), noise,
                GaussianMixturePosterior.of("gmm-linear", prior, measured.matrix(), measured.dataAsDouble(), noise));
    }
}
