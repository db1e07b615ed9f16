package dev.strata.sampler.mcmc;

import dev.strata.sampler.ProgressListener;

/**
 * A Metropolis-Hastings sampler run as a batch of chains: either with one random stream and a pooled step adaptation
 * for the batch, or with one stream and one adaptation per chain, so that chain i depends only on (seed, i).
 */
public abstract sealed class MetropolisHastings permits PcnChains, MalaChains {

    MetropolisHastings() {
    }

    /** Shape of one state. */
    public abstract int[] shape();

    /**
     * Runs {@code settings.chains()} chains with one random stream for the batch ({@link ChainNoise#shared}); the step
     * adapts on the acceptance pooled over the chains during burn-in.
     */
    public final McmcRun run(ChainSettings settings, long seed, ProgressListener listener) {
        return run(settings, ChainNoise.shared(seed), listener);
    }

    /**
     * Runs chains with global indices {@code firstIndex .. firstIndex + settings.chains() - 1}, each with its own
     * stream ({@code NoiseStreams.seedOf(seed, index)}) and its own step adaptation, so that a chain's states depend
     * only on (seed, its index): shards concatenate to the whole run bit for bit. The run's step size is the mean of
     * the chains' adapted steps.
     */
    public final McmcRun run(ChainSettings settings, long seed, long firstIndex, ProgressListener listener) {
        return run(settings, ChainNoise.perChain(seed, firstIndex, settings.chains()), listener);
    }

    abstract McmcRun run(ChainSettings settings, ChainNoise noise, ProgressListener listener);
}
