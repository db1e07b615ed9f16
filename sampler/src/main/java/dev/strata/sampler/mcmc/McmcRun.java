package dev.strata.sampler.mcmc;

/**
 * The kept states of a batch of MCMC chains and what they cost.
 *
 * @param draws      kept states, chain-major: [chains, kept, size] flat (state t of chain c at (c * kept + t) * size)
 * @param chains     number of chains run side by side
 * @param kept       states kept per chain (after burn-in and thinning)
 * @param size       values per state
 * @param acceptance share of accepted proposals after burn-in
 * @param stepSize   the adapted step (beta for pCN, tau for MALA)
 * @param seconds    wall time of the whole run, burn-in included
 */
public record McmcRun(float[] draws, int chains, int kept, int size, double acceptance, double stepSize,
        double seconds) {

    /** Effective sample size per value (initial positive sequence, over all chains). */
    public EffectiveSampleSize ess() {
        return EffectiveSampleSize.of(draws, chains, kept, size);
    }
}
