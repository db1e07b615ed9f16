package dev.strata.sampler.oracle;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.GaussianPrior;
import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;

/**
 * A dense Gaussian N(mu, C) in d dimensions (small d: oracles and tests), held by its eigendecomposition
 * C = V diag(w) V^T. Its exact denoiser is D(x; sigma) = mu + V diag(w / (w + sigma^2)) V^T (x - mu).
 * Batches go through the eigenbasis as two dense products ({@link DenseProducts}). As a {@link GaussianPrior} its
 * square root is S = V diag(sqrt(w)), whitened coordinates being eigen coordinates.
 */
public final class DenseGaussian implements Denoiser, PosteriorOracle, GaussianPrior {
    private final int[] shape;
    private final double[] mean;
    private final double[] vectors; // d x d row-major, column k is eigenvector k
    private final double[] vectorsT; // d x d row-major, row k is eigenvector k
    private final double[] values;

    /**
     * @param shape shape of one sample (product d)
     * @param mean  mean, length d (copied)
     * @param cov   covariance, row-major d x d, symmetric positive semi-definite (copied)
     */
    public DenseGaussian(int[] shape, double[] mean, double[] cov) {
        int d = Shapes.size(shape);
        if (mean.length != d || cov.length != (long) d * d) {
            throw new IllegalArgumentException("mean needs " + d + " and cov " + d + "x" + d + " values");
        }
        this.shape = shape.clone();
        this.mean = mean.clone();
        SimpleMatrix c = new SimpleMatrix(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c.set(i, j, 0.5 * (cov[i * d + j] + cov[j * d + i]));
            }
        }
        SimpleEVD<SimpleMatrix> evd = c.eig();
        this.vectors = new double[d * d];
        this.vectorsT = new double[d * d];
        this.values = new double[d];
        for (int k = 0; k < d; k++) {
            SimpleMatrix v = evd.getEigenVector(k);
            values[k] = Math.max(0, evd.getEigenvalue(k).getReal());
            for (int i = 0; i < d; i++) {
                vectors[i * d + k] = v.get(i, 0);
                vectorsT[k * d + i] = v.get(i, 0);
            }
        }
    }

    @Override
    public String name() {
        return "dense-gaussian";
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int size() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** The covariance C = V diag(w) V^T, row-major d x d (rebuilt from the eigendecomposition). */
    public double[] covariance() {
        int d = mean.length;
        double[] scaled = new double[d * d]; // V diag(w)
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                scaled[i * d + k] = vectors[i * d + k] * values[k];
            }
        }
        double[] c = new double[d * d];
        DenseProducts.multiply(scaled, d, d, vectorsT, d, c, false);
        return c;
    }

    /** Marginal standard deviations sqrt(C_ii). */
    @Override
    public double[] std() {
        int d = mean.length;
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int k = 0; k < d; k++) {
                double e = vectors[i * d + k];
                v += values[k] * e * e;
            }
            s[i] = Math.sqrt(v);
        }
        return s;
    }

    /** {@code n} exact draws mu + V diag(sqrt(w)) xi. */
    @Override
    public float[] sample(int n, long seed) {
        int d = mean.length;
        Gaussian g = new Gaussian(seed);
        double[] z = new double[n * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = g.next();
        }
        double[] x = colour(z, n);
        float[] out = new float[n * d];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < d; i++) {
                out[b * d + i] = (float) (mean[i] + x[b * d + i]);
            }
        }
        return out;
    }

    /**
     * One exact draw mu + V diag(sqrt(w)) xi into {@code out[off..off+d)}, xi from {@code g}.
     *
     * @param work scratch of length d (overwritten)
     */
    public void draw(Gaussian g, double[] work, float[] out, int off) {
        int d = mean.length;
        for (int k = 0; k < d; k++) {
            work[k] = g.next();
        }
        double[] v = colour(work, 1);
        for (int i = 0; i < d; i++) {
            out[off + i] = (float) (mean[i] + v[i]);
        }
    }

    /**
     * log N(x; mu, C) for a batch of {@code n}, and its gradient -C^-1 (x - mu) into {@code grad} ([n, d], overwritten)
     * when not {@code null}. C must be positive definite. {@code x} is not modified.
     */
    @Override
    public double[] logDensity(float[] x, int n, float[] grad) {
        int d = mean.length;
        Shapes.requireBatch("DenseGaussian.logDensity x", x, n, d);
        double logDet = 0;
        for (int k = 0; k < d; k++) {
            if (!(values[k] > 0)) {
                throw new IllegalStateException("covariance is singular (eigenvalue " + values[k] + ")");
            }
            logDet += Math.log(values[k]);
        }
        double constant = -0.5 * (logDet + d * Math.log(2 * Math.PI));
        double[] y = project(centred(x, n, true), n);
        double[] out = new double[n];
        for (int b = 0; b < n; b++) {
            double q = 0;
            for (int k = 0; k < d; k++) {
                double v = y[b * d + k];
                q += v * v / values[k];
                y[b * d + k] = -v / values[k];
            }
            out[b] = constant - 0.5 * q;
        }
        if (grad != null) {
            double[] g = combine(y, n);
            for (int i = 0; i < n * d; i++) {
                grad[i] = (float) g[i];
            }
        }
        return out;
    }

    /**
     * C^(1/2) z = V diag(sqrt(w)) z per row for a batch of {@code n} rows of length d in eigen coordinates (a
     * colouring of white noise); {@code z} is not modified.
     */
    @Override
    public double[] colour(double[] z, int n) {
        int d = mean.length;
        double[] y = new double[n * d];
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < d; k++) {
                y[b * d + k] = Math.sqrt(values[k]) * z[b * d + k];
            }
        }
        return combine(y, n);
    }

    /** (C^(1/2))^T g = diag(sqrt(w)) V^T g per row for a batch of {@code n} (a gradient to eigen coordinates). */
    @Override
    public double[] colourTranspose(double[] g, int n) {
        int d = mean.length;
        double[] y = project(g, n);
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < d; k++) {
                y[b * d + k] *= Math.sqrt(values[k]);
            }
        }
        return y;
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        return filter(x, sigma, n, true);
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        Shapes.requireBatch("DenseGaussian.vjp x", x, n, mean.length);
        return filter(v, sigma, n, false);
    }

    /** Eigenvalues w (not copied: callers in this package must not modify). */
    double[] eigenvalues() {
        return values;
    }

    /** The mean without a copy (callers in this package must not modify). */
    double[] meanRef() {
        return mean;
    }

    /** Rows of {@code u} ([n, d]) to eigen coordinates: u V = (V^T u_b)_b. {@code u} is not modified. */
    double[] project(double[] u, int n) {
        int d = mean.length;
        double[] y = new double[n * d];
        DenseProducts.multiply(u, n, d, vectors, d, y, false);
        return y;
    }

    /** Rows of {@code y} back to pixels: y V^T = (V y_b)_b. {@code y} is not modified. */
    double[] combine(double[] y, int n) {
        int d = mean.length;
        double[] out = new double[n * d];
        DenseProducts.multiply(y, n, d, vectorsT, d, out, false);
        return out;
    }

    /** out += y V^T. {@code out} is modified, {@code y} is not. */
    void combineAdd(double[] y, int n, double[] out) {
        DenseProducts.multiply(y, n, mean.length, vectorsT, mean.length, out, true);
    }

    /** x - mu (or x) per row, in double. */
    double[] centred(float[] x, int n, boolean subtractMean) {
        int d = mean.length;
        double[] c = new double[n * d];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < d; i++) {
                c[b * d + i] = x[b * d + i] - (subtractMean ? mean[i] : 0);
            }
        }
        return c;
    }

    private float[] filter(float[] x, double sigma, int n, boolean affine) {
        int d = mean.length;
        Shapes.requireBatch("DenseGaussian input", x, n, d);
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        double s2 = sigma * sigma;
        double[] y = project(centred(x, n, affine), n);
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < d; k++) {
                y[b * d + k] *= values[k] + s2 > 0 ? values[k] / (values[k] + s2) : 1.0;
            }
        }
        double[] acc = new double[n * d];
        if (affine) {
            for (int b = 0; b < n; b++) {
                System.arraycopy(mean, 0, acc, b * d, d);
            }
        }
        combineAdd(y, n, acc);
        float[] out = new float[n * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }
}
