package dev.strata.sampler.mcmc;

/**
 * Where a batch of chains draws its randomness: standard normals for the starting states and the proposals, and one
 * uniform per chain and iteration for the accept step. Either one stream for the whole batch with the step size
 * adapted on the pooled acceptance ({@link #shared}), or one stream and one adaptation per chain ({@link #perChain}),
 * so that a chain depends only on the run's seed and its own global index.
 */
interface ChainNoise {

    /** Whether each chain has its own stream, and then its own step adaptation. */
    boolean independent();

    /** Fills {@code z} ([chains, size]) with the standard normals of the starting states. */
    void initial(double[] z);

    /** Fills {@code z} ([chains, size]) with the next standard normals of the proposals. */
    void normals(double[] z);

    /** The next uniform on [0, 1) of chain {@code chain}; the shared form needs the chains asked in order. */
    double uniform(int chain);

    /**
     * One stream for the batch: the draws of
     * {@link MetropolisHastings#run(ChainSettings, long, dev.strata.sampler.ProgressListener)}.
     */
    static ChainNoise shared(long seed) {
        return new SharedChainNoise(seed);
    }

    /** Chain b draws from its own stream seeded with {@code NoiseStreams.seedOf(seed, firstIndex + b)}. */
    static ChainNoise perChain(long seed, long firstIndex, int chains) {
        return new PerChainNoise(seed, firstIndex, chains);
    }
}
