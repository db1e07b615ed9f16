package dev.strata.sampler.oracle.levy;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.NoiseStreams;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The MMSE denoiser of a Levy-process prior, D(x; sigma) = E[x0 | x0 + sigma eps = x], optionally also given data y
 * (then D_y(x; sigma) = E[x0 | x, y], the posterior denoiser whose probability-flow ODE samples p(x0 | y)), estimated
 * per sample by a short {@link GibbsChain} on the stacked observations (x with noise sigma, and y): the
 * Rao-Blackwellised mean D = (1/K) sum_k E[x0 | b_k, v_k, x, y] over K sweeps after a burn-in, as in the Gibbs
 * denoisers of Zach et al. (ICLR 2026). Its Jacobian is J = Cov(x0 | x, y) / sigma^2 (symmetric), estimated by the
 * law of total covariance from the same sweeps, Cov = mean_k Cov(x0 | b_k, v_k) + Cov_k(E[x0 | b_k, v_k]) (the first
 * mean over every 5th sweep, the second over all), as a
 * dense d x d matrix per sample that is kept for the last (x, sigma) seen, so that repeated VJPs at one state (conjugate
 * gradients) cost a product each. Each chain is seeded from (seed, sigma, the bits of x): D is a deterministic
 * function, and J belongs to the chain that gave D. Monte Carlo error: the spread of E[x0 | b, v] over the K sweeps,
 * nil for Gaussian increments (then D and J are exact); chains start at v = the law's typical variance.
 */
public final class LevyDenoiser implements Denoiser {
    /** The conditional-covariance term of Cov is averaged over every 5th sweep (unbiased; the inverse is costly). */
    private static final int COVARIANCE_EVERY = 5;
    private final int[] shape;
    private final IncrementLaw law;
    private final NormalEquations data;
    private final int burnIn;
    private final int sweeps;
    private final long seed;
    private float[] cachedX;
    private double cachedSigma;
    private double[][] cachedCov;

    /**
     * @param shape  shape of one signal, product d
     * @param law    increment law of the prior
     * @param data   further observations y in normal-equation form, or {@link NormalEquations#none} for the prior
     * @param burnIn sweeps dropped per call
     * @param sweeps K, sweeps averaged per call
     */
    public LevyDenoiser(int[] shape, IncrementLaw law, NormalEquations data, int burnIn, int sweeps, long seed) {
        if (data.size() != Shapes.size(shape) || burnIn < 0 || sweeps < 2) {
            throw new IllegalArgumentException("need data of the signal's size, burnIn >= 0, sweeps >= 2");
        }
        this.shape = shape.clone();
        this.law = law;
        this.data = data;
        this.burnIn = burnIn;
        this.sweeps = sweeps;
        this.seed = seed;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        int d = size();
        float[] out = new float[n * d];
        forEach(x, sigma, n, (b, chain) -> {
            double[] mu = new double[d];
            for (int k = 0; k < sweeps; k++) {
                chain.sweep();
                double[] m = chain.conditionalMean();
                for (int i = 0; i < d; i++) {
                    mu[i] += m[i];
                }
            }
            for (int i = 0; i < d; i++) {
                out[b * d + i] = (float) (mu[i] / sweeps);
            }
        });
        return out;
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        int d = size();
        Shapes.requireBatch("LevyDenoiser.vjp v", v, n, d);
        double[][] cov = covariances(x, sigma, n);
        float[] out = new float[n * d];
        IntStream.range(0, n).parallel().forEach(b -> {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += cov[b][i * d + j] * v[b * d + j];
                }
                out[b * d + i] = (float) (s / (sigma * sigma));
            }
        });
        return out;
    }

    /** Cov(x0 | x, y) per sample, d x d row-major, from the chains of {@link #denoise}; kept for the last call. */
    private synchronized double[][] covariances(float[] x, double sigma, int n) {
        if (cachedX != null && sigma == cachedSigma && Arrays.equals(cachedX, x)) {
            return cachedCov;
        }
        int d = size();
        double[][] cov = new double[n][];
        forEach(x, sigma, n, (b, chain) -> {
            double[] c = new double[d * d];
            double[] mu = new double[d];
            int conditional = (sweeps + COVARIANCE_EVERY - 1) / COVARIANCE_EVERY;
            for (int k = 0; k < sweeps; k++) {
                chain.sweep();
                if (k % COVARIANCE_EVERY == 0) {
                    chain.addConditionalCovariance(c, (double) sweeps / conditional);
                }
                double[] m = chain.conditionalMean();
                for (int i = 0; i < d; i++) {
                    mu[i] += m[i];
                    for (int j = 0; j <= i; j++) {
                        c[i * d + j] += m[i] * m[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    c[i * d + j] = c[i * d + j] / sweeps - mu[i] * mu[j] / ((double) sweeps * sweeps);
                    c[j * d + i] = c[i * d + j];
                }
            }
            cov[b] = c;
        });
        cachedX = x.clone();
        cachedSigma = sigma;
        cachedCov = cov;
        return cov;
    }

    private interface PerSample {
        void run(int b, GibbsChain burnedIn);
    }

    /** Runs {@code body} per sample, in parallel, on the sample's seeded chain after its burn-in. */
    private void forEach(float[] x, double sigma, int n, PerSample body) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        }
        int d = size();
        Shapes.requireBatch("LevyDenoiser x", x, n, d);
        IntStream.range(0, n).parallel().forEach(b -> {
            int hash = 1;
            for (int i = 0; i < d; i++) {
                hash = 31 * hash + Float.floatToIntBits(x[b * d + i]);
            }
            long s = NoiseStreams.seedOf(seed ^ Double.doubleToLongBits(sigma), hash & 0xffffffffL);
            GibbsChain chain = new GibbsChain(law, data.plusDirect(x, b * d, sigma), s);
            for (int k = 0; k < burnIn; k++) {
                chain.sweep();
            }
            body.run(b, chain);
        });
    }
}
