package dev.strata.sampler;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.GaussianLinearPosterior;
import dev.strata.sampler.prior.SpectralGaussianPrior;

/**
 * A small problem with a closed-form posterior: an 8 x 8 smooth Gaussian prior, 12 random linear measurements,
 * Gaussian noise of std {@link #NOISE}.
 */
public final class GaussianLinearProblem {
    public static final int NZ = 8;
    public static final int NX = 8;
    public static final int M = 12;
    public static final double NOISE = 0.1;

    public final SpectralGaussianPrior prior;
    public final DenseGaussian densePrior;
    public final MatrixOperator operator;
    public final float[] data;
    public final DenseGaussian posterior;

    public GaussianLinearProblem(long seed) {
        int d = NZ * NX;
        int[] shape = {1, NZ, NX};
        prior = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, NZ, NX, new double[] {0.3},
                new double[] {1.0}, 2.0, 2.0, NZ, NX, 0.05));
        double[] mean = new double[d];
        java.util.Arrays.fill(mean, 0.3);
        double[] cov = prior.denseCovariance(0);
        densePrior = new DenseGaussian(shape, mean, cov);
        Gaussian g = new Gaussian(seed);
        double[] a = new double[M * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = g.next() / Math.sqrt(d);
        }
        operator = new MatrixOperator(shape, M, a);
        float[] truth = prior.sample(1, seed + 1);
        float[] clean = operator.apply(truth, 1);
        data = new float[M];
        double[] y = new double[M];
        for (int i = 0; i < M; i++) {
            data[i] = (float) (clean[i] + NOISE * g.next());
            y[i] = data[i];
        }
        posterior = GaussianLinearPosterior.of(shape, mean, cov, a, y, NOISE);
    }
}
