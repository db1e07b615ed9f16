package dev.strata.sampler.mcmc;

import dev.strata.forward.ForwardOperator;
import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;

/**
 * An MCMC baseline as a {@link Sampler}: sample i is the last state of its own chain (global index i), started at a
 * prior draw, run {@code burnIn} iterations with its step adapting on its own acceptance, then {@code iterations} more
 * at the fixed step. Chain i draws from the stream {@code NoiseStreams.seedOf(seed, i)} alone, so sample i depends
 * only on (seed, i) and shards concatenate to the whole run bit for bit. Samples are independent (distinct chains);
 * each costs {@code burnIn + iterations} evaluations of the likelihood (pCN: one forward map; MALA: a forward map and
 * its VJP), all chains of a call advancing as one batch.
 */
public final class McmcPosteriorSampler implements Sampler {

    /**
     * How long each chain runs.
     *
     * @param burnIn      iterations with step adaptation (towards 25 % acceptance for pCN, 57.4 % for MALA)
     * @param iterations  iterations after burn-in at the adapted step; the sample is the state after them
     * @param initialStep starting step (beta for pCN, tau for MALA)
     */
    public record Settings(int burnIn, int iterations, double initialStep) {
        public Settings {
            if (burnIn < 0 || iterations < 1 || !(initialStep > 0)) {
                throw new IllegalArgumentException("need burnIn >= 0, iterations >= 1, step > 0; got " + burnIn + ", "
                        + iterations + ", " + initialStep);
            }
        }

        /** A budget of {@code steps} iterations per sample (at least 2): half burn-in, the rest at the fixed step. */
        public static Settings ofBudget(int steps, double initialStep) {
            if (steps < 2) {
                throw new IllegalArgumentException("need a budget of at least 2 steps, got " + steps);
            }
            return new Settings(steps / 2, steps - steps / 2, initialStep);
        }

        /** Iterations per sample, burn-in included. */
        public int cost() {
            return burnIn + iterations;
        }

        /** n chains that keep their last state only. */
        ChainSettings chains(int n) {
            return new ChainSettings(n, burnIn, iterations, iterations, initialStep);
        }
    }

    private final MetropolisHastings chains;
    private final Settings settings;

    public McmcPosteriorSampler(MetropolisHastings chains, Settings settings) {
        this.chains = chains;
        this.settings = settings;
    }

    /**
     * pCN for the prior {@code prior} and data {@code data} seen through {@code operator}, both whitened (unit noise:
     * log p(y | x) = -||y - F(x)||^2 / 2).
     */
    public static McmcPosteriorSampler pcn(GaussianPrior prior, ForwardOperator operator, float[] data,
            Settings settings) {
        return new McmcPosteriorSampler(new PcnChains(prior, new GaussianLikelihood(operator, data, 1.0)), settings);
    }

    /** Prior-preconditioned MALA on the same whitened problem as {@link #pcn}. */
    public static McmcPosteriorSampler mala(GaussianPrior prior, ForwardOperator operator, float[] data,
            Settings settings) {
        LogDensity target = LogDensity.sum(LogDensity.of(prior), new GaussianLikelihood(operator, data, 1.0));
        return new McmcPosteriorSampler(new MalaChains(target, prior), settings);
    }

    @Override
    public int[] shape() {
        return chains.shape();
    }

    @Override
    public float[] sample(int n, long seed, long firstIndex, ProgressListener listener) {
        return n == 0 ? new float[0] : chains.run(settings.chains(n), seed, firstIndex, listener).draws();
    }

    /** The last states of n chains run with one stream and a pooled step adaptation ({@link ChainNoise#shared}). */
    @Override
    public float[] sample(int n, long seed, ProgressListener listener) {
        return n == 0 ? new float[0] : chains.run(settings.chains(n), seed, listener).draws();
    }
}
