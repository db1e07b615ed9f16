package dev.strata.sampler.oracle.levy;

import dev.strata.sampler.NoiseStreams;
import dev.strata.sampler.mcmc.EffectiveSampleSize;
import dev.strata.sampler.oracle.ExactSampler;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The gold-standard posterior p(x | y) ∝ p(y | x) p(x) of a Levy-process prior ({@link IncrementLaw}) under Gaussian
 * linear observations, by the Gibbs sampler of {@link GibbsChain} (Zach et al., "A statistical benchmark for
 * diffusion posterior sampling algorithms", ICLR 2026): several chains, burn-in, thinning; mean and marginal std from
 * the pooled kept states, with their Monte Carlo error stated per value (MCSE of the mean = std / sqrt(ESS), ESS by
 * {@link EffectiveSampleSize} over chains) and the chains' agreement as R-hat. Its draws ({@link #sample}) are the
 * pooled kept states, picked without replacement while they last: near-independent after thinning, their
 * correlation counted in the ESS.
 */
public final class LevyPosterior implements ExactSampler {
    private final String name;
    private final int[] shape;
    private final int d;
    private final Settings settings;
    private final float[] draws;
    private final double[] mean;
    private final double[] std;
    private final EffectiveSampleSize ess;
    private final double[] rHat;
    private final double seconds;

    /**
     * Chain lengths: {@code burnIn} sweeps dropped, then {@code kept} states kept, one every {@code thin} sweeps,
     * per chain.
     */
    public record Settings(int chains, int burnIn, int kept, int thin) {
        public Settings {
            if (chains < 2 || burnIn < 0 || kept < 4 || thin < 1) {
                throw new IllegalArgumentException("need chains >= 2, burnIn >= 0, kept >= 4, thin >= 1");
            }
        }

        /** The reference setting of the validation rows: 4 chains, 1000 burn-in, 2000 kept 1 in 5. */
        public static Settings reference() {
            return new Settings(4, 1000, 2000, 5);
        }
    }

    private LevyPosterior(String name, int[] shape, Settings settings, float[] draws, double seconds) {
        this.name = name;
        this.shape = shape.clone();
        this.d = shape[shape.length - 1];
        this.settings = settings;
        this.draws = draws;
        this.seconds = seconds;
        int pooled = settings.chains() * settings.kept();
        this.mean = new double[d];
        this.std = new double[d];
        for (int b = 0; b < pooled; b++) {
            for (int i = 0; i < d; i++) {
                mean[i] += draws[b * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= pooled;
        }
        for (int b = 0; b < pooled; b++) {
            for (int i = 0; i < d; i++) {
                double e = draws[b * d + i] - mean[i];
                std[i] += e * e;
            }
        }
        for (int i = 0; i < d; i++) {
            std[i] = Math.sqrt(std[i] / (pooled - 1));
        }
        this.ess = EffectiveSampleSize.of(draws, settings.chains(), settings.kept(), d);
        this.rHat = EffectiveSampleSize.rHat(draws, settings.chains(), settings.kept(), d);
    }

    /**
     * Runs the chains (in parallel, chain c seeded with {@link NoiseStreams#seedOf seedOf(seed, c)}).
     *
     * @param shape shape of one signal, the last entry its length d
     * @param law   the increment law of the prior
     * @param obs   the observations, in normal-equation form
     */
    public static LevyPosterior run(String name, int[] shape, IncrementLaw law, NormalEquations obs,
            Settings settings, long seed) {
        int d = obs.size();
        int kept = settings.kept();
        float[] draws = new float[settings.chains() * kept * d];
        long t0 = System.nanoTime();
        IntStream.range(0, settings.chains()).parallel().forEach(c -> {
            GibbsChain chain = new GibbsChain(law, obs, NoiseStreams.seedOf(seed, c));
            for (int s = 0; s < settings.burnIn(); s++) {
                chain.sweep();
            }
            for (int t = 0; t < kept; t++) {
                for (int s = 0; s < settings.thin(); s++) {
                    chain.sweep();
                }
                double[] x = chain.state();
                for (int i = 0; i < d; i++) {
                    draws[(c * kept + t) * d + i] = (float) x[i];
                }
            }
        });
        return new LevyPosterior(name, shape, settings, draws, (System.nanoTime() - t0) / 1e9);
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
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** Effective sample size per value, over all chains. */
    public EffectiveSampleSize ess() {
        return ess;
    }

    /** The largest R-hat over values. */
    public double rHatMax() {
        double m = 0;
        for (double r : rHat) {
            m = Math.max(m, r);
        }
        return m;
    }

    /**
     * The mean over values of (kappa - 1) / 4, kappa = m4 / m2^2 the kurtosis of the pooled states: n times the
     * variance of a sample std relative to the true one, for large n (1/2 for Gaussian marginals).
     */
    public double stdErrorFactor() {
        double k = 0;
        int pooled = pooled();
        for (int i = 0; i < d; i++) {
            double m2 = 0;
            double m4 = 0;
            for (int b = 0; b < pooled; b++) {
                double e = draws[b * d + i] - mean[i];
                m2 += e * e;
                m4 += e * e * e * e;
            }
            k += m2 > 0 ? (m4 * pooled / (m2 * m2) - 1) / 4 : 0.5;
        }
        return k / d;
    }

    /** Monte Carlo standard error of the mean per value, std / sqrt(ESS). */
    public double[] meanError() {
        double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = std[i] / Math.sqrt(ess.perValue()[i]);
        }
        return e;
    }

    /** Kept states over all chains. */
    public int pooled() {
        return settings.chains() * settings.kept();
    }

    /** The kept states, chain-major [chains, kept, d] (a copy). */
    public float[] draws() {
        return draws.clone();
    }

    public Settings settings() {
        return settings;
    }

    /** Wall time of the chains, burn-in included. */
    public double seconds() {
        return seconds;
    }

    /** {@code n} of the pooled states, without replacement while n <= {@link #pooled()}, then with replacement. */
    @Override
    public float[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int pooled = pooled();
        int[] order = IntStream.range(0, pooled).toArray();
        float[] out = new float[n * d];
        for (int b = 0; b < n; b++) {
            int k;
            if (b < pooled) {
                int j = b + random.nextInt(pooled - b);
                k = order[j];
                order[j] = order[b];
                order[b] = k;
            } else {
                k = random.nextInt(pooled);
            }
            System.arraycopy(draws, k * d, out, b * d, d);
        }
        return out;
    }
}
