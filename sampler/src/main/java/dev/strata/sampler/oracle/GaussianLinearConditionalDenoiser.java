package dev.strata.sampler.oracle;

import dev.strata.sampler.ConditionalDenoiser;
import java.util.Arrays;

/**
 * The exact classifier-free-guidance denoiser of a Gaussian prior observed as y = A x + e, e ~ N(0, s^2 I):
 * with a condition y it is the exact posterior's denoiser, with {@code null} the prior's. An oracle for
 * conditional samplers (power-scaled posteriors); small problems only (dense algebra).
 */
public final class GaussianLinearConditionalDenoiser implements ConditionalDenoiser {
    private final DenseGaussian prior;
    private final double[] cov;
    private final double[] a;
    private final double noise;
    private float[] cachedCondition;
    private DenseGaussian cachedPosterior;

    /**
     * @param prior prior N(mu, C)
     * @param cov   C, row-major d x d
     * @param a     A, row-major m x d
     * @param noise s
     */
    public GaussianLinearConditionalDenoiser(DenseGaussian prior, double[] cov, double[] a, double noise) {
        this.prior = prior;
        this.cov = cov.clone();
        this.a = a.clone();
        this.noise = noise;
    }

    @Override
    public int[] shape() {
        return prior.shape();
    }

    /** The exact posterior for condition y. */
    public synchronized DenseGaussian posterior(float[] y) {
        if (cachedCondition == null || !Arrays.equals(cachedCondition, y)) {
            double[] yd = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                yd[i] = y[i];
            }
            cachedPosterior = GaussianLinearPosterior.of(prior.shape(), prior.mean(), cov, a, yd, noise);
            cachedCondition = y.clone();
        }
        return cachedPosterior;
    }

    @Override
    public float[] denoise(float[] x, double sigma, float[] condition, int n) {
        return (condition == null ? prior : posterior(condition)).denoise(x, sigma, n);
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] condition, float[] v, int n) {
        return (condition == null ? prior : posterior(condition)).vjp(x, sigma, v, n);
    }
}
