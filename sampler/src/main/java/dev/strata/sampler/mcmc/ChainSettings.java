package dev.strata.sampler.mcmc;

/**
 * How long to run a batch of MCMC chains.
 *
 * @param chains      chains advanced together (a batch)
 * @param burnIn      iterations per chain discarded first; the step size adapts during them (then stays fixed,
 *                    so the kept chain is a true Markov chain)
 * @param iterations  iterations per chain after burn-in
 * @param thin        keep every {@code thin}-th state
 * @param initialStep starting step size (beta for pCN, tau for MALA)
 */
public record ChainSettings(int chains, int burnIn, int iterations, int thin, double initialStep) {

    public ChainSettings {
        if (chains < 1 || burnIn < 0 || iterations < thin || thin < 1 || !(initialStep > 0)) {
            throw new IllegalArgumentException("need chains >= 1, burnIn >= 0, iterations >= thin >= 1, step > 0; got "
                    + chains + ", " + burnIn + ", " + iterations + ", " + thin + ", " + initialStep);
        }
    }

    /** States kept per chain. */
    public int kept() {
        return iterations / thin;
    }
}
