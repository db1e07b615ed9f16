package dev.strata.sampler.prior;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.GaussianPrior;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * A Gaussian prior N(mu, Sigma) per channel whose covariance is diagonal in a truncated 2-D cosine basis plus a
 * nugget: Sigma = eps I + P diag(lambda - eps) P^T, lambda_m = c exp(-(pi k lz / nz)^2 / 2 - (pi l lx / nx)^2 / 2) + eps.
 * This is a smooth, near-stationary random field (Gaussian covariance with correlation lengths lz, lx cells, reflecting
 * boundaries) with a low-rank-plus-diagonal structure, so that its exact denoiser is cheap ({@link GaussianDenoiser}).
 * Channels are independent, each with its own mean and standard deviation.
 *
 * <p>As a {@link GaussianPrior} (pCN, MALA) it is exact in its basis: with P orthonormal, a function of Sigma is
 * f(Sigma) = f(eps) I + P diag(f(lambda) - f(eps)) P^T, so the square root S = Sigma^(1/2) is symmetric
 * (S^T = S), Sigma^-1 is as cheap, and log det Sigma = (nz nx - K) log eps + sum log lambda per channel.
 */
public final class SpectralGaussianPrior implements GaussianPrior {

    /**
     * @param channels channels per sample
     * @param nz depth samples
     * @param nx lateral samples
     * @param mean per-channel mean (length channels)
     * @param std per-channel marginal standard deviation averaged over the grid (length channels)
     * @param corrZ correlation length along depth, in cells
     * @param corrX correlation length along x, in cells
     * @param modesZ kept cosine modes along depth
     * @param modesX kept cosine modes along x
     * @param nuggetFraction share of the variance in the white nugget eps (0 < f < 1)
     */
    public record Config(int channels, int nz, int nx, double[] mean, double[] std, double corrZ, double corrX,
                         int modesZ, int modesX, double nuggetFraction) {
        public Config {
            if (channels < 1 || mean.length != channels || std.length != channels) {
                throw new IllegalArgumentException("need one mean and one std per channel (" + channels + ")");
            }
            if (!(nuggetFraction > 0 && nuggetFraction < 1)) {
                throw new IllegalArgumentException("nuggetFraction must lie in (0, 1), got " + nuggetFraction);
            }
            for (double s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("std must be > 0, got " + s);
                }
            }
            mean = mean.clone();
            std = std.clone();
        }
    }

    private final Config config;
    private final CosineBasis basis;
    private final double[][] lambda; // [channel][mode]
    private final double[] eps; // [channel]

    public SpectralGaussianPrior(Config config) {
        this.config = config;
        this.basis = new CosineBasis(config.nz(), config.nx(), config.modesZ(), config.modesX());
        int modes = basis.modes();
        int points = config.nz() * config.nx();
        double[] shape = new double[modes];
        double shapeSum = 0;
        for (int m = 0; m < modes; m++) {
            double az = Math.PI * basis.modeZ(m) * config.corrZ() / config.nz();
            double ax = Math.PI * basis.modeX(m) * config.corrX() / config.nx();
            shape[m] = Math.exp(-0.5 * (az * az + ax * ax));
            shapeSum += shape[m];
        }
        this.lambda = new double[config.channels()][modes];
        this.eps = new double[config.channels()];
        for (int c = 0; c < config.channels(); c++) {
            double total = config.std()[c] * config.std()[c] * points; // trace of Sigma
            eps[c] = config.nuggetFraction() * total / points;
            double scale = (total - eps[c] * points) / shapeSum;
            for (int m = 0; m < modes; m++) {
                lambda[c][m] = scale * shape[m] + eps[c];
            }
        }
    }

    public Config config() {
        return config;
    }

    @Override
    public int[] shape() {
        return new int[] {config.channels(), config.nz(), config.nx()};
    }

    @Override
    public int size() {
        return Shapes.size(shape());
    }

    CosineBasis basis() {
        return basis;
    }

    double lambda(int channel, int mode) {
        return lambda[channel][mode];
    }

    double nugget(int channel) {
        return eps[channel];
    }

    double mean(int channel) {
        return config.mean()[channel];
    }

    /** The per-channel means broadcast over the grid, length {@link #size()}. */
    @Override
    public double[] mean() {
        int plane = config.nz() * config.nx();
        double[] m = new double[size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean(i / plane);
        }
        return m;
    }

    /** Sigma^(1/2) z per row: the symmetric square root. */
    @Override
    public double[] colour(double[] z, int n) {
        return spectralFunction(z, n, Math::sqrt);
    }

    /** Sigma^(1/2) g per row: the square root is symmetric. */
    @Override
    public double[] colourTranspose(double[] g, int n) {
        return colour(g, n);
    }

    @Override
    public double[] logDensity(float[] x, int n, float[] grad) {
        Shapes.requireBatch("SpectralGaussianPrior.logDensity x", x, n, size());
        double[] m = mean();
        int d = m.length;
        double[] r = new double[n * d];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] - m[i % d];
        }
        double[] w = spectralFunction(r, n, v -> 1 / v); // Sigma^-1 (x - m)
        double constant = -0.5 * (logDeterminant() + d * Math.log(2 * Math.PI));
        double[] out = new double[n];
        for (int b = 0; b < n; b++) {
            double q = 0;
            for (int i = b * d; i < (b + 1) * d; i++) {
                q += r[i] * w[i];
            }
            out[b] = constant - 0.5 * q;
        }
        if (grad != null) {
            for (int i = 0; i < w.length; i++) {
                grad[i] = (float) -w[i];
            }
        }
        return out;
    }

    /** log det Sigma over all channels. */
    private double logDeterminant() {
        int free = config.nz() * config.nx() - basis.modes();
        double s = 0;
        for (int c = 0; c < config.channels(); c++) {
            s += free * Math.log(eps[c]);
            for (double l : lambda[c]) {
                s += Math.log(l);
            }
        }
        return s;
    }

    /** f(Sigma) v per row of a batch of {@code n}: f(eps) v + P diag(f(lambda) - f(eps)) P^T v per channel. */
    private double[] spectralFunction(double[] v, int n, DoubleUnaryOperator f) {
        if (v.length != (long) n * size()) {
            throw new IllegalArgumentException("need " + n + " x " + size() + " values, got " + v.length);
        }
        int plane = config.nz() * config.nx();
        double[] out = new double[v.length];
        IntStream.range(0, n * config.channels()).parallel().forEach(bc -> {
            int c = bc % config.channels();
            int off = bc * plane;
            double fEps = f.applyAsDouble(eps[c]);
            for (int i = off; i < off + plane; i++) {
                out[i] = fEps * v[i];
            }
            double[] y = basis.analyze(v, off);
            for (int m = 0; m < y.length; m++) {
                y[m] *= f.applyAsDouble(lambda[c][m]) - fEps;
            }
            basis.synthesizeAdd(y, 1.0, out, off);
        });
        return out;
    }

    /** The exact denoiser of this prior. */
    public GaussianDenoiser denoiser() {
        return new GaussianDenoiser(this);
    }

    /** {@code n} independent draws x = mu + sqrt(eps) xi + P diag(sqrt(lambda - eps)) eta, flat [n, c, nz, nx]. */
    public float[] sample(int n, long seed) {
        int plane = config.nz() * config.nx();
        float[] out = new float[n * size()];
        IntStream.range(0, n * config.channels()).parallel().forEach(bc -> {
            int c = bc % config.channels();
            Gaussian g = new Gaussian(seed * 1_000_003L + bc);
            int off = bc * plane;
            double sEps = Math.sqrt(eps[c]);
            for (int i = 0; i < plane; i++) {
                out[off + i] = (float) (mean(c) + sEps * g.next());
            }
            double[] y = new double[basis.modes()];
            for (int m = 0; m < y.length; m++) {
                y[m] = Math.sqrt(lambda[c][m] - eps[c]) * g.next();
            }
            basis.synthesizeAdd(y, 1.0, out, off);
        });
        return out;
    }

    /** Marginal variance Sigma_ii of channel {@code c} at grid point {@code (iz, ix)}. */
    public double variance(int c, int iz, int ix) {
        float[] e = new float[config.nz() * config.nx()];
        e[iz * config.nx() + ix] = 1f;
        double[] y = basis.analyze(e, 0);
        double v = eps[c];
        for (int m = 0; m < y.length; m++) {
            v += (lambda[c][m] - eps[c]) * y[m] * y[m];
        }
        return v;
    }

    /** Dense covariance of one channel, [nz*nx][nz*nx] row-major in double; for small grids (oracles, tests). */
    public double[] denseCovariance(int c) {
        int points = config.nz() * config.nx();
        if ((long) points * points > 50_000_000L) {
            throw new IllegalArgumentException("dense covariance of " + points + " points is too large");
        }
        double[][] phi = new double[basis.modes()][];
        for (int m = 0; m < phi.length; m++) {
            double[] y = new double[basis.modes()];
            y[m] = 1;
            float[] f = new float[points];
            basis.synthesizeAdd(y, 1.0, f, 0);
            phi[m] = new double[points];
            for (int i = 0; i < points; i++) {
                phi[m][i] = f[i];
            }
        }
        double[] cov = new double[points * points];
        for (int i = 0; i < points; i++) {
            cov[i * points + i] = eps[c];
        }
        for (int m = 0; m < phi.length; m++) {
            double w = lambda[c][m] - eps[c];
            double[] p = phi[m];
            for (int i = 0; i < points; i++) {
                double wi = w * p[i];
                for (int j = 0; j < points; j++) {
                    cov[i * points + j] += wi * p[j];
                }
            }
        }
        return cov;
    }
}
