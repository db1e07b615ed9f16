package dev.strata.sampler.oracle.levy;

/**
 * Gaussian observations of a signal x in R^d in normal-equation form: for y = A x + e, e ~ N(0, s^2 I),
 * -log p(y | x) = x^T H x / 2 - h^T x + const with H = A^T A / s^2 (symmetric, half-bandwidth {@code band}) and
 * h = A^T y / s^2. Independent observations add. H is held as its lower band ({@link BandedCholesky} layout).
 *
 * @param size  d
 * @param band  half-bandwidth of H (0 for a diagonal H)
 * @param lower the lower band of H, d * (band + 1) values
 * @param rhs   h, d values
 */
public record NormalEquations(int size, int band, double[] lower, double[] rhs) {

    public NormalEquations {
        if (lower.length != size * (band + 1) || rhs.length != size) {
            throw new IllegalArgumentException("need " + size * (band + 1) + " band and " + size + " rhs values");
        }
    }

    /**
     * @param a     A, m x d row-major
     * @param m     rows of A
     * @param y     data, m values
     * @param noise s
     */
    public static NormalEquations of(double[] a, int m, double[] y, double noise) {
        int d = a.length / m;
        if (a.length != m * d || y.length != m) {
            throw new IllegalArgumentException("A must be " + m + " x d and y have " + m + " values");
        }
        double inv = 1 / (noise * noise);
        double[] full = new double[d * d];
        double[] h = new double[d];
        int band = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += a[r * d + i] * a[r * d + j];
                }
                full[i * d + j] = s * inv;
                if (s != 0) {
                    band = Math.max(band, i - j);
                }
            }
            double s = 0;
            for (int r = 0; r < m; r++) {
                s += a[r * d + i] * y[r];
            }
            h[i] = s * inv;
        }
        double[] lower = new double[d * (band + 1)];
        for (int i = 0; i < d; i++) {
            for (int t = 0; t <= Math.min(band, i); t++) {
                lower[i * (band + 1) + t] = full[i * d + i - t];
            }
        }
        return new NormalEquations(d, band, lower, h);
    }

    /** No observation: H = 0, h = 0. */
    public static NormalEquations none(int d) {
        return new NormalEquations(d, 0, new double[d], new double[d]);
    }

    /**
     * These observations plus the direct one x_sigma = x + sigma eps, x_sigma = {@code x[offset .. offset + d)}:
     * H + I / sigma^2, h + x_sigma / sigma^2 (the denoising posterior of x given x_sigma and these data).
     */
    public NormalEquations plusDirect(float[] x, int offset, double sigma) {
        double inv = 1 / (sigma * sigma);
        double[] l = lower.clone();
        double[] h = rhs.clone();
        for (int i = 0; i < size; i++) {
            l[i * (band + 1)] += inv;
            h[i] += inv * x[offset + i];
        }
        return new NormalEquations(size, band, l, h);
    }

    /** H(i, i - t), 0 <= t <= band. */
    double at(int i, int t) {
        return lower[i * (band + 1) + t];
    }
}
