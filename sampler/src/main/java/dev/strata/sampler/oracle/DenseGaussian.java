package dev.strata.sampler.oracle;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Gaussian;
import java.util.stream.IntStream;
import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;

/**
 * A dense Gaussian N(mu, C) in d dimensions (small d: oracles and tests), held by its eigendecomposition
 * C = V diag(w) V^T. Its exact denoiser is D(x; sigma) = mu + V diag(w / (w + sigma^2)) V^T (x - mu).
 */
public final class DenseGaussian implements Denoiser, PosteriorOracle {
    private final int[] shape;
    private final double[] mean;
    private final double[] vectors; // d x d row-major, column k is eigenvector k
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
        this.values = new double[d];
        for (int k = 0; k < d; k++) {
            SimpleMatrix v = evd.getEigenVector(k);
            values[k] = Math.max(0, evd.getEigenvalue(k).getReal());
            for (int i = 0; i < d; i++) {
                vectors[i * d + k] = v.get(i, 0);
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
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += vectors[i * d + k] * values[k] * vectors[j * d + k];
                }
                c[i * d + j] = s;
            }
        }
        return c;
    }

    /** Eigenvalues w (not copied: callers in this package must not modify). */
    double[] eigenvalues() {
        return values;
    }

    /** Eigenvectors V, row-major d x d, column k for w_k (not copied: callers in this package must not modify). */
    double[] eigenvectors() {
        return vectors;
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
        float[] out = new float[n * d];
        double[] z = new double[d];
        for (int b = 0; b < n; b++) {
            draw(g, z, out, b * d);
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
            work[k] = Math.sqrt(values[k]) * g.next();
        }
        for (int i = 0; i < d; i++) {
            double s = mean[i];
            for (int k = 0; k < d; k++) {
                s += vectors[i * d + k] * work[k];
            }
            out[off + i] = (float) s;
        }
    }

    /**
     * log N(x; mu, C) for a batch of {@code n}, and its gradient -C^-1 (x - mu) into {@code grad} ([n, d], overwritten)
     * when not {@code null}. C must be positive definite. {@code x} is not modified.
     */
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
        double[] out = new double[n];
        for (int b = 0; b < n; b++) {
            double[] r = new double[d];
            for (int i = 0; i < d; i++) {
                r[i] = x[b * d + i] - mean[i];
            }
            double[] y = project(r);
            double q = 0;
            for (int k = 0; k < d; k++) {
                q += y[k] * y[k] / values[k];
                y[k] /= -values[k];
            }
            out[b] = constant - 0.5 * q;
            if (grad != null) {
                double[] g = combine(y);
                for (int i = 0; i < d; i++) {
                    grad[b * d + i] = (float) g[i];
                }
            }
        }
        return out;
    }

    /** C u, length d (u not modified). */
    public double[] covarianceTimes(double[] u) {
        double[] y = project(u);
        for (int k = 0; k < y.length; k++) {
            y[k] *= values[k];
        }
        return combine(y);
    }

    /** C^(1/2) z = V diag(sqrt(w)) z for z in eigen coordinates, length d (z not modified): a colouring of white noise. */
    public double[] colour(double[] z) {
        double[] y = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            y[k] = Math.sqrt(values[k]) * z[k];
        }
        return combine(y);
    }

    /** (C^(1/2))^T g = diag(sqrt(w)) V^T g, length d (g not modified): a gradient carried to eigen coordinates. */
    public double[] colourTranspose(double[] g) {
        double[] y = project(g);
        for (int k = 0; k < y.length; k++) {
            y[k] *= Math.sqrt(values[k]);
        }
        return y;
    }

    /** r^T C^-1 r (r not modified); C must be positive definite. */
    public double inverseQuadratic(double[] r) {
        double[] y = project(r);
        double q = 0;
        for (int k = 0; k < y.length; k++) {
            q += y[k] * y[k] / values[k];
        }
        return q;
    }

    // V^T u
    private double[] project(double[] u) {
        int d = mean.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double ui = u[i];
            int row = i * d;
            for (int k = 0; k < d; k++) {
                y[k] += vectors[row + k] * ui;
            }
        }
        return y;
    }

    // V y
    private double[] combine(double[] y) {
        int d = mean.length;
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * d;
            for (int k = 0; k < d; k++) {
                s += vectors[row + k] * y[k];
            }
            out[i] = s;
        }
        return out;
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

    private float[] filter(float[] x, double sigma, int n, boolean affine) {
        int d = mean.length;
        Shapes.requireBatch("DenseGaussian input", x, n, d);
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        double s2 = sigma * sigma;
        double[] gain = new double[d];
        for (int k = 0; k < d; k++) {
            gain[k] = values[k] + s2 > 0 ? values[k] / (values[k] + s2) : 1.0;
        }
        float[] out = new float[x.length];
        IntStream.range(0, n).parallel().forEach(b -> {
            double[] c = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                c[i] = x[b * d + i] - (affine ? mean[i] : 0);
            }
            for (int i = 0; i < d; i++) { // y = V^T c, row i of V at a time
                double ci = c[i];
                int row = i * d;
                for (int k = 0; k < d; k++) {
                    y[k] += vectors[row + k] * ci;
                }
            }
            for (int k = 0; k < d; k++) {
                y[k] *= gain[k];
            }
            for (int i = 0; i < d; i++) {
                double s = affine ? mean[i] : 0;
                int row = i * d;
                for (int k = 0; k < d; k++) {
                    s += vectors[row + k] * y[k];
                }
                out[b * d + i] = (float) s;
            }
        });
        return out;
    }
}
