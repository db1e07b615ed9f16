package dev.strata.sampler.oracle.levy;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.NoiseStreams;
import java.util.stream.IntStream;

/**
 * The MMSE denoiser of a Levy-process prior, D(x; sigma) = E[x0 | x0 + sigma eps = x], optionally also given data y
 * (then D_y(x; sigma) = E[x0 | x, y], the posterior denoiser whose probability-flow ODE samples p(x0 | y)), estimated
 * per sample by a short {@link GibbsChain} on the stacked observations (x with noise sigma, and y): the
 * Rao-Blackwellised mean D = (1/K) sum_k E[x0 | b_k, v_k, x, y] over K sweeps after a burn-in, as in the Gibbs
 * denoisers of Zach et al. (ICLR 2026). Its Jacobian is Cov(x0 | x, y) / sigma^2 (symmetric), so
 * J^T w = ((1/K) sum_k Cov(x0 | b_k, v_k) w + Cov_k(mu_k) w) / sigma^2 by the law of total covariance. Each chain is
 * seeded from (seed, sigma, the bits of x), so D is a deterministic function and {@link #vjp} sees the chain that
 * {@link #denoise} saw. Monte Carlo error: the spread of E[x0 | b, v] over the K sweeps, which vanishes for Gaussian
 * increments (then D is exact); chains start at v = the law's typical variance.
 */
public final class LevyDenoiser implements Denoiser {
    private final int[] shape;
    private final IncrementLaw law;
    private final NormalEquations data;
    private final int burnIn;
    private final int sweeps;
    private final long seed;

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
        return run(x, sigma, null, n);
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        Shapes.requireBatch("LevyDenoiser.vjp v", v, n, size());
        return run(x, sigma, v, n);
    }

    private float[] run(float[] x, double sigma, float[] v, int n) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        }
        int d = size();
        Shapes.requireBatch("LevyDenoiser x", x, n, d);
        float[] out = new float[n * d];
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
            double[] wv = null;
            double[] acc = new double[d];
            double[] mu = new double[d];
            double[] moment = new double[d]; // sum_k mu_k (mu_k . w)
            if (v != null) {
                wv = new double[d];
                for (int i = 0; i < d; i++) {
                    wv[i] = v[b * d + i];
                }
            }
            for (int k = 0; k < sweeps; k++) {
                chain.sweep();
                double[] m = chain.conditionalMean();
                double mw = 0;
                for (int i = 0; i < d; i++) {
                    mu[i] += m[i];
                    if (wv != null) {
                        mw += m[i] * wv[i];
                    }
                }
                if (wv != null) {
                    chain.addConditionalCovariance(wv, acc);
                    for (int i = 0; i < d; i++) {
                        moment[i] += m[i] * mw;
                    }
                }
            }
            double mbw = 0;
            for (int i = 0; i < d; i++) {
                mu[i] /= sweeps;
                if (wv != null) {
                    mbw += mu[i] * wv[i];
                }
            }
            double scale = 1 / (sigma * sigma * sweeps);
            for (int i = 0; i < d; i++) {
                out[b * d + i] = (float) (wv == null ? mu[i]
                        : scale * (acc[i] + moment[i] - sweeps * mu[i] * mbw));
            }
        });
        return out;
    }
}
