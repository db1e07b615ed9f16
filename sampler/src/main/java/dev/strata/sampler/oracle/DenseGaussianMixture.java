package dev.strata.sampler.oracle;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.MixtureWeights;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A mixture of dense Gaussians p(x) = sum_k pi_k N(x; mu_k, C_k) in d dimensions (small d: oracles and tests), each
 * held by its eigendecomposition C_k = V_k diag(w_k) V_k^T. Exact in every sense a sampler test needs:
 * <pre>
 *   mean       = sum_k pi_k mu_k,
 *   var_i      = sum_k pi_k (C_k,ii + mu_k,i^2) - mean_i^2,
 *   draws      k ~ pi, then mu_k + V_k diag(sqrt(w_k)) xi,
 *   denoiser   D(x; sigma) = sum_k r_k(x) D_k(x; sigma),  D_k = mu_k + V_k diag(w_k / (w_k + sigma^2)) V_k^T (x - mu_k),
 *              r_k = softmax_k(log pi_k + log N(x; mu_k, C_k + sigma^2 I))    (Tweedie for the noisy mixture),
 *   VJP        J^T v = sum_k r_k J_k v + sum_k r_k (D_k . v) (g_k - sum_j r_j g_j),  g_k = -(C_k + sigma^2 I)^-1 (x - mu_k)
 *              (J_k symmetric; dr_k/dx = r_k (g_k - g_bar)).
 * </pre>
 * Arrays are flat [n, d]; inputs are not modified.
 */
public final class DenseGaussianMixture implements Denoiser, PosteriorOracle {
    private final String name;
    private final int[] shape;
    private final DenseGaussian[] components;
    private final double[] logWeights;

    /**
     * @param name       name for reports
     * @param components the Gaussians, all of one shape
     * @param logWeights log pi_k up to a constant (copied), or {@code null} for equal weights
     */
    public DenseGaussianMixture(String name, List<DenseGaussian> components, double[] logWeights) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        this.name = name;
        this.shape = components.get(0).shape();
        for (DenseGaussian c : components) {
            if (!Arrays.equals(shape, c.shape())) {
                throw new IllegalArgumentException("components differ in shape: " + Arrays.toString(shape) + " vs "
                        + Arrays.toString(c.shape()));
            }
        }
        this.components = components.toArray(new DenseGaussian[0]);
        this.logWeights = MixtureWeights.normaliseLog(logWeights, components.size());
    }

    /** Components N(c_k, gamma^2 I) around the rows of {@code centres} ([count, d]), equal weights. */
    public static DenseGaussianMixture isotropic(String name, int[] shape, float[] centres, int count, double gamma,
            double[] logWeights) {
        int d = Shapes.size(shape);
        Shapes.requireBatch("isotropic mixture centres", centres, count, d);
        double[] cov = new double[d * d];
        for (int i = 0; i < d; i++) {
            cov[i * d + i] = gamma * gamma;
        }
        DenseGaussian[] comps = new DenseGaussian[count];
        for (int k = 0; k < count; k++) {
            double[] mu = new double[d];
            for (int i = 0; i < d; i++) {
                mu[i] = centres[k * d + i];
            }
            comps[k] = new DenseGaussian(shape, mu, cov);
        }
        return new DenseGaussianMixture(name, List.of(comps), logWeights);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int size() {
        return components[0].size();
    }

    public int count() {
        return components.length;
    }

    public DenseGaussian component(int k) {
        return components[k];
    }

    /** Normalised mixture weights pi_k. */
    public double[] weights() {
        return MixtureWeights.weights(logWeights);
    }

    @Override
    public double[] mean() {
        int d = size();
        double[] w = weights();
        double[] m = new double[d];
        for (int k = 0; k < components.length; k++) {
            double[] mu = components[k].mean();
            for (int i = 0; i < d; i++) {
                m[i] += w[k] * mu[i];
            }
        }
        return m;
    }

    @Override
    public double[] std() {
        int d = size();
        double[] w = weights();
        double[] m = mean();
        double[] v = new double[d];
        for (int k = 0; k < components.length; k++) {
            double[] mu = components[k].mean();
            double[] sd = components[k].std();
            for (int i = 0; i < d; i++) {
                double dm = mu[i] - m[i];
                v[i] += w[k] * (sd[i] * sd[i] + dm * dm); // centred form: no cancellation
            }
        }
        for (int i = 0; i < d; i++) {
            v[i] = Math.sqrt(v[i]);
        }
        return v;
    }

    /** The Gaussian with this mixture's mean and covariance sum_k pi_k (C_k + (mu_k - mu)(mu_k - mu)^T). */
    public DenseGaussian momentMatched() {
        int d = size();
        double[] w = weights();
        double[] mu = mean();
        double[] cov = new double[d * d];
        for (int k = 0; k < components.length; k++) {
            double[] ck = components[k].covariance();
            double[] mk = components[k].mean();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i * d + j] += w[k] * (ck[i * d + j] + (mk[i] - mu[i]) * (mk[j] - mu[j]));
                }
            }
        }
        return new DenseGaussian(shape, mu, cov);
    }

    @Override
    public float[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Gaussian g = new Gaussian(random.nextLong());
        double[] cumulative = MixtureWeights.cumulative(weights());
        int d = size();
        float[] out = new float[n * d];
        double[] work = new double[d];
        for (int b = 0; b < n; b++) {
            components[MixtureWeights.draw(cumulative, random)].draw(g, work, out, b * d);
        }
        return out;
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        Shapes.requireBatch("DenseGaussianMixture.denoise x", x, n, size());
        return evaluate(x, sigma, null, n);
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        Shapes.requireBatch("DenseGaussianMixture.vjp x", x, n, size());
        Shapes.requireBatch("DenseGaussianMixture.vjp v", v, n, size());
        return evaluate(x, sigma, v, n);
    }

    /**
     * log p(x) (normalised) for a batch, and its gradient sum_k r_k g_k into {@code grad} when not {@code null}
     * (the sigma = 0 case of the formulas above). {@code x} is not modified; {@code grad} ([n, d]) is overwritten.
     */
    public double[] logDensity(float[] x, int n, float[] grad) {
        Shapes.requireBatch("DenseGaussianMixture.logDensity x", x, n, size());
        int d = size();
        int kk = components.length;
        double[] out = new double[n];
        IntStream.range(0, n).parallel().forEach(b -> {
            double[][] y = new double[kk][];
            double[] logr = new double[kk];
            for (int k = 0; k < kk; k++) {
                y[k] = project(components[k], x, b * d);
                logr[k] = logWeights[k] + logNormal(components[k], y[k], 0);
            }
            double lse = MixtureWeights.logSumExp(logr, 0, kk);
            out[b] = lse;
            if (grad != null) {
                double[] gsum = new double[d];
                for (int k = 0; k < kk; k++) {
                    double r = Math.exp(logr[k] - lse);
                    if (r == 0) {
                        continue;
                    }
                    double[] w = components[k].eigenvalues();
                    double[] coef = new double[d];
                    for (int j = 0; j < d; j++) {
                        coef[j] = -r * y[k][j] / Math.max(w[j], Double.MIN_NORMAL);
                    }
                    back(components[k], coef, gsum);
                }
                for (int i = 0; i < d; i++) {
                    grad[b * d + i] = (float) gsum[i];
                }
            }
        });
        return out;
    }

    private float[] evaluate(float[] x, double sigma, float[] v, int n) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        int d = size();
        int kk = components.length;
        double s2 = sigma * sigma;
        float[] out = new float[n * d];
        IntStream.range(0, n).parallel().forEach(b -> {
            double[][] y = new double[kk][];
            double[] r = new double[kk];
            for (int k = 0; k < kk; k++) {
                y[k] = project(components[k], x, b * d);
                r[k] = logWeights[k] + logNormal(components[k], y[k], s2);
            }
            MixtureWeights.softmaxInPlace(r, 0, kk);
            double[] acc = new double[d];
            if (v == null) {
                double[] coef = new double[d];
                for (int k = 0; k < kk; k++) {
                    if (r[k] == 0) {
                        continue;
                    }
                    double[] w = components[k].eigenvalues();
                    double[] mu = components[k].mean();
                    for (int j = 0; j < d; j++) {
                        coef[j] = r[k] * gain(w[j], s2) * y[k][j];
                    }
                    back(components[k], coef, acc);
                    for (int i = 0; i < d; i++) {
                        acc[i] += r[k] * mu[i];
                    }
                }
            } else {
                // sum_k r_k J_k v  +  sum_k r_k (D_k . v) (g_k - g_bar)
                double[] dv = new double[kk];
                double[] vb = new double[d];
                for (int i = 0; i < d; i++) {
                    vb[i] = v[b * d + i];
                }
                double dvBar = 0;
                for (int k = 0; k < kk; k++) {
                    if (r[k] == 0) {
                        continue;
                    }
                    DenseGaussian c = components[k];
                    double[] w = c.eigenvalues();
                    double[] vk = projectRaw(c, vb);
                    double[] mu = c.mean();
                    // D_k . v = mu . v + sum_j gain_j y_j (V^T v)_j
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += mu[i] * vb[i];
                    }
                    double[] coef = new double[d];
                    for (int j = 0; j < d; j++) {
                        double gj = gain(w[j], s2);
                        dot += gj * y[k][j] * vk[j];
                        coef[j] = r[k] * gj * vk[j];
                    }
                    dv[k] = dot;
                    dvBar += r[k] * dot;
                    back(c, coef, acc);
                }
                // sum_k r_k (dv_k - dvBar) g_k, g_k = -V_k diag(1 / (w + s2)) y_k
                for (int k = 0; k < kk; k++) {
                    if (r[k] == 0) {
                        continue;
                    }
                    double[] w = components[k].eigenvalues();
                    double f = r[k] * (dv[k] - dvBar);
                    double[] coef = new double[d];
                    for (int j = 0; j < d; j++) {
                        coef[j] = -f * y[k][j] / Math.max(w[j] + s2, Double.MIN_NORMAL);
                    }
                    back(components[k], coef, acc);
                }
            }
            for (int i = 0; i < d; i++) {
                out[b * d + i] = (float) acc[i];
            }
        });
        return out;
    }

    private static double gain(double w, double s2) {
        return w + s2 > 0 ? w / (w + s2) : 1.0;
    }

    // log N(x; mu, C + s2 I) from y = V^T (x - mu)
    private static double logNormal(DenseGaussian c, double[] y, double s2) {
        double[] w = c.eigenvalues();
        double q = 0;
        double logDet = 0;
        for (int j = 0; j < y.length; j++) {
            double e = Math.max(w[j] + s2, Double.MIN_NORMAL);
            q += y[j] * y[j] / e;
            logDet += Math.log(e);
        }
        return -0.5 * (q + logDet + y.length * Math.log(2 * Math.PI));
    }

    // V^T (x[off..off+d) - mu)
    private static double[] project(DenseGaussian c, float[] x, int off) {
        int d = c.size();
        double[] mu = c.mean();
        double[] centred = new double[d];
        for (int i = 0; i < d; i++) {
            centred[i] = x[off + i] - mu[i];
        }
        return projectRaw(c, centred);
    }

    private static double[] projectRaw(DenseGaussian c, double[] u) {
        int d = u.length;
        double[] vec = c.eigenvectors();
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double ui = u[i];
            int row = i * d;
            for (int k = 0; k < d; k++) {
                y[k] += vec[row + k] * ui;
            }
        }
        return y;
    }

    // acc += V coef
    private static void back(DenseGaussian c, double[] coef, double[] acc) {
        int d = coef.length;
        double[] vec = c.eigenvectors();
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * d;
            for (int k = 0; k < d; k++) {
                s += vec[row + k] * coef[k];
            }
            acc[i] += s;
        }
    }
}
