package dev.strata.sampler.oracle;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.MixtureWeights;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

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
        double[][] y = new double[kk][];
        double[] out = new double[n];
        double[] r = responsibilities(x, n, 0, y, out);
        if (grad != null) {
            double[] acc = new double[n * d];
            for (int k = 0; k < kk; k++) {
                double[] w = components[k].eigenvalues();
                double[] coef = new double[n * d];
                for (int b = 0; b < n; b++) {
                    double rb = r[b * kk + k];
                    for (int j = 0; rb != 0 && j < d; j++) {
                        coef[b * d + j] = -rb * y[k][b * d + j] / Math.max(w[j], Double.MIN_NORMAL);
                    }
                }
                components[k].combineAdd(coef, n, acc);
            }
            for (int i = 0; i < n * d; i++) {
                grad[i] = (float) acc[i];
            }
        }
        return out;
    }

    private float[] evaluate(float[] x, double sigma, float[] v, int n) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        int d = size();
        int kk = components.length;
        double s2 = sigma * sigma;
        double[][] y = new double[kk][];
        double[] r = responsibilities(x, n, s2, y, null);
        double[] acc = new double[n * d];
        double[] vd = null;
        double[][] vk = null;
        double[] dv = null;
        double[] dvBar = null;
        if (v != null) {
            // D_k . v = mu_k . v + sum_j gain_j y_kj (V_k^T v)_j, and its r-weighted mean
            vd = components[0].centred(v, n, false);
            vk = new double[kk][];
            dv = new double[n * kk];
            dvBar = new double[n];
            for (int k = 0; k < kk; k++) {
                vk[k] = components[k].project(vd, n);
                double[] w = components[k].eigenvalues();
                double[] mu = components[k].meanRef();
                for (int b = 0; b < n; b++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += mu[i] * vd[b * d + i];
                    }
                    for (int j = 0; j < d; j++) {
                        dot += gain(w[j], s2) * y[k][b * d + j] * vk[k][b * d + j];
                    }
                    dv[b * kk + k] = dot;
                    dvBar[b] += r[b * kk + k] * dot;
                }
            }
        }
        for (int k = 0; k < kk; k++) {
            double[] w = components[k].eigenvalues();
            double[] mu = components[k].meanRef();
            double[] coef = new double[n * d];
            boolean any = false;
            for (int b = 0; b < n; b++) {
                double rb = r[b * kk + k];
                if (rb == 0) {
                    continue;
                }
                any = true;
                int o = b * d;
                if (v == null) {
                    for (int j = 0; j < d; j++) {
                        coef[o + j] = rb * gain(w[j], s2) * y[k][o + j];
                    }
                    for (int i = 0; i < d; i++) {
                        acc[o + i] += rb * mu[i];
                    }
                } else {
                    // r_k J_k v + r_k (D_k . v - mean) g_k, g_k = -V_k diag(1 / (w + s2)) y_k
                    double f = dv[b * kk + k] - dvBar[b];
                    for (int j = 0; j < d; j++) {
                        coef[o + j] = rb * (gain(w[j], s2) * vk[k][o + j]
                                - f * y[k][o + j] / Math.max(w[j] + s2, Double.MIN_NORMAL));
                    }
                }
            }
            if (any) {
                components[k].combineAdd(coef, n, acc);
            }
        }
        float[] out = new float[n * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }

    // responsibilities r[b * K + k] at noise s2; fills y[k] = (x - mu_k) V_k and, when not null, lse[b] = log p(x_b)
    private double[] responsibilities(float[] x, int n, double s2, double[][] y, double[] lse) {
        int d = size();
        int kk = components.length;
        double[] r = new double[n * kk];
        for (int k = 0; k < kk; k++) {
            DenseGaussian c = components[k];
            y[k] = c.project(c.centred(x, n, true), n);
            double[] w = c.eigenvalues();
            double logDet = 0;
            for (int j = 0; j < d; j++) {
                logDet += Math.log(Math.max(w[j] + s2, Double.MIN_NORMAL));
            }
            double constant = logWeights[k] - 0.5 * (logDet + d * Math.log(2 * Math.PI));
            for (int b = 0; b < n; b++) {
                double q = 0;
                for (int j = 0; j < d; j++) {
                    double yj = y[k][b * d + j];
                    q += yj * yj / Math.max(w[j] + s2, Double.MIN_NORMAL);
                }
                r[b * kk + k] = constant - 0.5 * q;
            }
        }
        for (int b = 0; b < n; b++) {
            if (lse != null) {
                lse[b] = MixtureWeights.logSumExp(r, b * kk, kk);
            }
            MixtureWeights.softmaxInPlace(r, b * kk, kk);
        }
        return r;
    }

    private static double gain(double w, double s2) {
        return w + s2 > 0 ? w / (w + s2) : 1.0;
    }
}
