package dev.strata.sampler.mixture;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.MixtureWeights;
import java.util.stream.IntStream;

/**
 * The exact denoiser of the Gaussian mixture p(x0) = sum_k pi_k N(x0; x_k, gamma^2 I) over a {@link TrainingSet}
 * (Siahkoohi and Sabeddu, "On the role of memorization in learned priors", seed 001; gamma = 0 is the memorized
 * prior, the empirical distribution of the training set, which is what a diffusion model trained to its optimum on
 * a finite set converges to). With s^2 = gamma^2 + sigma^2 and g = gamma^2 / s^2:
 * <pre>
 *   x = x0 + sigma eps  ~  sum_k pi_k N(x; x_k, s^2 I),
 *   w_k(x) = softmax_k(log pi_k - ||x - x_k||^2 / (2 s^2)),                     (component responsibilities)
 *   E[x0 | x, k] = x_k + g (x - x_k),                                          (Gaussian posterior per component)
 *   D(x; sigma) = sum_k w_k E[x0 | x, k] = g x + (1 - g) m(x),  m = sum_k w_k x_k.
 * </pre>
 * The logits use ||x - x_k||^2 = ||x||^2 - 2 x.x_k + ||x_k||^2 with the ||x||^2 term dropped (it cancels in the
 * softmax) and are normalised by log-sum-exp; responsibilities below 1e-17 / N are set to 0 and skipped.
 * The Jacobian is symmetric, dm/dx = Cov_w(x_k) / s^2, so the exact VJP is
 * J^T v = g v + (1 - g) / s^2 (sum_k w_k (x_k . v) x_k - (m . v) m). At sigma = gamma = 0 the denoiser returns the
 * nearest example. Arrays are flat [n, size]; inputs are not modified.
 */
public final class GaussianMixtureDenoiser implements Denoiser {
    private final TrainingSet set;
    private final double gamma;
    private final double[] logWeights; // normalised log pi_k

    /**
     * @param set        the component means x_k
     * @param gamma      component standard deviation, >= 0
     * @param logWeights log pi_k up to a constant, length N (copied), or {@code null} for equal weights
     */
    public GaussianMixtureDenoiser(TrainingSet set, double gamma, double[] logWeights) {
        if (!(gamma >= 0)) {
            throw new IllegalArgumentException("gamma must be >= 0, got " + gamma);
        }
        this.set = set;
        this.gamma = gamma;
        this.logWeights = MixtureWeights.normaliseLog(logWeights, set.count());
    }

    public TrainingSet trainingSet() {
        return set;
    }

    public double gamma() {
        return gamma;
    }

    @Override
    public int[] shape() {
        return set.shape();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        Shapes.requireBatch("GaussianMixtureDenoiser.denoise x", x, n, set.size());
        double s2 = variance(sigma);
        double[] w = responsibilities(set.inner(n, x)[0], s2, n);
        double[] m = set.weightedSums(n, w)[0];
        double g = s2 == 0 ? 0 : gamma * gamma / s2;
        float[] out = new float[x.length];
        IntStream.range(0, n).parallel().forEach(b -> {
            for (int i = b * set.size(); i < (b + 1) * set.size(); i++) {
                out[i] = (float) (g * x[i] + (1 - g) * m[i]);
            }
        });
        return out;
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        Shapes.requireBatch("GaussianMixtureDenoiser.vjp x", x, n, set.size());
        Shapes.requireBatch("GaussianMixtureDenoiser.vjp v", v, n, set.size());
        double s2 = variance(sigma);
        int size = set.size();
        int count = set.count();
        if (s2 == 0) {
            return new float[x.length]; // piecewise constant (nearest example): zero Jacobian almost everywhere
        }
        double[][] g2 = set.inner(n, x, v);
        double[] w = responsibilities(g2[0], s2, n);
        double[] wc = new double[n * count];
        for (int i = 0; i < wc.length; i++) {
            wc[i] = w[i] * g2[1][i];
        }
        double[][] sums = set.weightedSums(n, w, wc); // m and sum_k w_k (x_k . v) x_k
        double g = gamma * gamma / s2;
        double c = (1 - g) / s2;
        float[] out = new float[x.length];
        IntStream.range(0, n).parallel().forEach(b -> {
            int off = b * size;
            double mv = 0;
            for (int i = 0; i < size; i++) {
                mv += sums[0][off + i] * v[off + i];
            }
            for (int i = 0; i < size; i++) {
                out[off + i] = (float) (g * v[off + i] + c * (sums[1][off + i] - mv * sums[0][off + i]));
            }
        });
        return out;
    }

    /**
     * Responsibilities w_k(x) at noise level sigma, [n, N], each row summing to 1 (tiny ones set to 0).
     *
     * @param x batch [n, size], not modified
     */
    public double[] responsibilities(float[] x, double sigma, int n) {
        Shapes.requireBatch("GaussianMixtureDenoiser.responsibilities x", x, n, set.size());
        return responsibilities(set.inner(n, x)[0], variance(sigma), n);
    }

    private double variance(double sigma) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        return gamma * gamma + sigma * sigma;
    }

    // logits log pi_k + (x.x_k - ||x_k||^2 / 2) / s2, softmax per row, in place over the inner products
    private double[] responsibilities(double[] inner, double s2, int n) {
        int count = set.count();
        IntStream.range(0, n).parallel().forEach(b -> {
            int off = b * count;
            if (s2 == 0) {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < count; k++) {
                    double score = inner[off + k] - 0.5 * set.squaredNorm(k);
                    if (score > bestScore) {
                        bestScore = score;
                        best = k;
                    }
                    inner[off + k] = 0;
                }
                inner[off + best] = 1;
                return;
            }
            for (int k = 0; k < count; k++) {
                inner[off + k] = logWeights[k] + (inner[off + k] - 0.5 * set.squaredNorm(k)) / s2;
            }
            MixtureWeights.softmaxInPlace(inner, off, count);
        });
        return inner;
    }
}
